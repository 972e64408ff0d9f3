<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>annotator</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <source>Annotate</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>المستند</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;مساعدة</translation>
    </message>
    <message>
      <source>Start one character earlier</source>
      <translation>تقديم البداية حرفًا</translation>
    </message>
    <message>
      <source>Start one character later</source>
      <translation>تأخير البداية حرفًا</translation>
    </message>
    <message>
      <source>Start one word earlier</source>
      <translation>تقديم البداية كلمة</translation>
    </message>
    <message>
      <source>Start one word later</source>
      <translation>تأخير البداية كلمة</translation>
    </message>
    <message>
      <source>End one character earlier</source>
      <translation>تقديم النهاية حرفًا</translation>
    </message>
    <message>
      <source>End one character later</source>
      <translation>تأخير النهاية حرفًا</translation>
    </message>
    <message>
      <source>End one word earlier</source>
      <translation>تقديم النهاية كلمة</translation>
    </message>
    <message>
      <source>End one word later</source>
      <translation>تأخير النهاية كلمة</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>فتح &amp;حديث</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>ت&amp;صدير…</translation>
    </message>
    <message>
      <source>&amp;Statistics…</source>
      <translation>إ&amp;حصاءات…</translation>
    </message>
    <message>
      <source>&amp;Agreement…</source>
      <translation>ا&amp;تفاق الموسِّمين…</translation>
    </message>
    <message>
      <source>&amp;Restore backup…</source>
      <translation>ا&amp;ستعادة نسخة احتياطية…</translation>
    </message>
    <message>
      <source>Change my &amp;name…</source>
      <translation>غيّر ا&amp;سمي…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;خروج</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;تراجع</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>إ&amp;عادة</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;بحث…</translation>
    </message>
    <message>
      <source>Find next</source>
      <translation>البحث عن التالي</translation>
    </message>
    <message>
      <source>Find previous</source>
      <translation>البحث عن السابق</translation>
    </message>
    <message>
      <source>&amp;Concordance…</source>
      <translation>&amp;سياقات الكلمات…</translation>
    </message>
    <message>
      <source>&amp;Delete selected label</source>
      <translation>&amp;حذف الوسم المحدد</translation>
    </message>
    <message>
      <source>E&amp;xact characters (no word snapping)</source>
      <translation>أحرف &amp;دقيقة (دون محاذاة للكلمات)</translation>
    </message>
    <message>
      <source>Add event &amp;argument…</source>
      <translation>إضافة &amp;معمول للحدث…</translation>
    </message>
    <message>
      <source>Set attribution &amp;source…</source>
      <translation>تعيين &amp;مصدر الإسناد…</translation>
    </message>
    <message>
      <source>Set attribution &amp;content…</source>
      <translation>تعيين م&amp;حتوى الإسناد…</translation>
    </message>
    <message>
      <source>Ad&amp;judication mode (work as gold)</source>
      <translation>وضع ال&amp;تحكيم (العمل على النسخة المرجعية)</translation>
    </message>
    <message>
      <source>Accept candidate</source>
      <translation>قبول المرشَّح</translation>
    </message>
    <message>
      <source>Reject candidate</source>
      <translation>رفض المرشَّح</translation>
    </message>
    <message>
      <source>Accept all agreed</source>
      <translation>قبول كل ما اتُّفق عليه</translation>
    </message>
    <message>
      <source>Take the selection without its proclitic</source>
      <translation>أخذ التحديد دون السابقة</translation>
    </message>
    <message>
      <source>Entity spans include proclitics (ANERcorp convention)</source>
      <translation>تشمل مقاطع الكيانات السوابق (اصطلاح ANERcorp)</translation>
    </message>
    <message>
      <source>Accept suggestion</source>
      <translation>قبول الاقتراح</translation>
    </message>
    <message>
      <source>Reject suggestion</source>
      <translation>رفض الاقتراح</translation>
    </message>
    <message>
      <source>Accept all suggestions in the document</source>
      <translation>قبول كل الاقتراحات في المستند</translation>
    </message>
    <message>
      <source>Next suggestion</source>
      <translation>الاقتراح التالي</translation>
    </message>
    <message>
      <source>Previous suggestion</source>
      <translation>الاقتراح السابق</translation>
    </message>
    <message>
      <source>&amp;Train suggestions now</source>
      <translation>&amp;درّب الاقتراحات الآن</translation>
    </message>
    <message>
      <source>Model suggestion threshold…</source>
      <translation>عتبة اقتراحات النموذج…</translation>
    </message>
    <message>
      <source>Pre-annotate with the NER model…</source>
      <translation>وسم مسبق بنموذج التعرف على الكيانات…</translation>
    </message>
    <message>
      <source>Clear selection</source>
      <translation>إلغاء التحديد</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
      <source>Next &amp;not done</source>
      <translation>التالي &amp;غير المنجز</translation>
    </message>
    <message>
      <source>Mark &amp;done / not done</source>
      <translation>تعليم كـ&amp;منجز / غير منجز</translation>
    </message>
    <message>
      <source>Check &amp;consistency across the corpus</source>
      <translation>افحص ا&amp;تساق المدوّنة</translation>
    </message>
    <message>
      <source>&amp;Note on the selection…</source>
      <translation>&amp;ملاحظة على التحديد…</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>ت&amp;كبير</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>ت&amp;صغير</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>إعادة ال&amp;حجم</translation>
    </message>
    <message>
      <source>&amp;Font…</source>
      <translation>ال&amp;خط…</translation>
    </message>
    <message>
      <source>Show &amp;annotator…</source>
      <translation>اعرض &amp;مُوسِّمًا آخر…</translation>
    </message>
    <message>
      <source>Interface &amp;language…</source>
      <translation>&amp;لغة الواجهة…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
      <source>&amp;Getting started</source>
      <translation>&amp;البداية</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>&amp;حول البرنامج</translation>
    </message>
    <message>
      <source>Move &amp;boundary</source>
      <translation>تحريك &amp;الحدود</translation>
    </message>
    <message>
      <source>&amp;Go to panel</source>
      <translation>الانتقال إلى &amp;لوحة</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>Next label</source>
      <translation>الوسم التالي</translation>
    </message>
    <message>
      <source>Previous label</source>
      <translation>الوسم السابق</translation>
    </message>
    <message>
      <source>all</source>
      <translation>الكلّ</translation>
    </message>
    <message>
      <source>some</source>
      <translation>بعضهم</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>تعارض</translation>
    </message>
    <message>
      <source>span</source>
      <translation>مقطع</translation>
    </message>
    <message>
      <source>event</source>
      <translation>حدث</translation>
    </message>
    <message>
      <source>attribution</source>
      <translation>إسناد</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>الاتفاق</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>الوسم</translation>
    </message>
    <message>
      <source>Annotators</source>
      <translation>الموسِّمون</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>القرار</translation>
    </message>
    <message>
      <source>in gold</source>
      <translation>في المرجع</translation>
    </message>
    <message>
      <source>Nothing left that all annotators agree on.</source>
      <translation>لم يبقَ شيء يتفق عليه كل الموسِّمين.</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>قبول</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>رفض</translation>
    </message>
    <message>
      <source>Not done: {reason}</source>
      <translation>لم يُنفَّذ: {reason}</translation>
    </message>
    <message>
      <source>Span F1 (exact)</source>
      <translation>F1 للمقاطع (تطابق تام)</translation>
    </message>
    <message>
      <source>Span F1 (overlap)</source>
      <translation>F1 للمقاطع (تداخل)</translation>
    </message>
    <message>
      <source>Token kappa</source>
      <translation>كابا على الكلمات</translation>
    </message>
    <message>
      <source>Inter-annotator agreement</source>
      <translation>الاتفاق بين الموسِّمين</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(لا شيء)</translation>
    </message>
    <message>
      <source>Include unfinished documents</source>
      <translation>تضمين المستندات غير المنجزة</translation>
    </message>
    <message>
      <source>Compute</source>
      <translation>احسب</translation>
    </message>
    <message>
      <source>Span F1 per label (exact, overlap)</source>
      <translation>F1 للمقاطع لكل وسم (تام، تداخل)</translation>
    </message>
    <message>
      <source>Span F1</source>
      <translation>F1 للمقاطع</translation>
    </message>
    <message>
      <source>Token Cohen's kappa per pair</source>
      <translation>كابا كوهين على الكلمات لكل زوج</translation>
    </message>
    <message>
      <source>Kappa</source>
      <translation>كابا</translation>
    </message>
    <message>
      <source>Label confusions over matched spans</source>
      <translation>الالتباس بين الوسوم في المقاطع المتطابقة</translation>
    </message>
    <message>
      <source>Spans</source>
      <translation>المقاطع</translation>
    </message>
    <message>
      <source>Save plot…</source>
      <translation>حفظ الرسم…</translation>
    </message>
    <message>
      <source>Computing agreement</source>
      <translation>حساب الاتفاق</translation>
    </message>
    <message>
      <source>Annotator</source>
      <translation>الموسِّم</translation>
    </message>
    <message>
      <source>not computable</source>
      <translation>تعذّر حسابها</translation>
    </message>
    <message>
      <source>No pair of annotators has a document in common.</source>
      <translation>لا يشترك أيّ موسِّمَين في مستند.</translation>
    </message>
    <message>
      <source>Per label</source>
      <translation>لكل وسم</translation>
    </message>
    <message>
      <source>Confusions</source>
      <translation>الالتباسات</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>المستندات</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>التقرير</translation>
    </message>
    <message>
      <source>{a} / {b}: token kappa {value}</source>
      <translation>{a} / {b}: كابا الكلمات {value}</translation>
    </message>
    <message>
      <source>{a}: {label_a}, {b}: {label_b}: {count} spans</source>
      <translation>{a}: {label_a}، {b}: {label_b} — المقاطع: {count}</translation>
    </message>
    <message>
      <source>Annotators: {names}</source>
      <translation>الموسِّمون: {names}</translation>
    </message>
    <message>
      <source>Documents: {read} read of {total} in the project</source>
      <translation>المستندات: قُرئ {read} من {total} في المشروع</translation>
    </message>
    <message>
      <source>Label given by {name}</source>
      <translation>الوسم عند {name}</translation>
    </message>
    <message>
      <source>{a} / {b}: {count} documents</source>
      <translation>{a} / {b}: {count} مستندات</translation>
    </message>
    <message>
      <source>{a} / {b} ({count} documents)</source>
      <translation>{a} / {b} ({count} مستندات)</translation>
    </message>
    <message>
      <source>exact match</source>
      <translation>تطابق تامّ</translation>
    </message>
    <message>
      <source>overlap</source>
      <translation>تداخل</translation>
    </message>
    <message>
      <source>exact match: {value}</source>
      <translation>تطابق تامّ: {value}</translation>
    </message>
    <message>
      <source>overlap: {value}</source>
      <translation>تداخل: {value}</translation>
    </message>
    <message>
      <source>spans: {a} {count_a}, {b} {count_b}</source>
      <translation>المقاطع: {a} {count_a}، {b} {count_b}</translation>
    </message>
    <message>
      <source>span F1 exact {exact}, overlap {overlap}; token kappa {kappa}</source>
      <translation>مقياس F1 للمقاطع: تطابق تامّ {exact}، تداخل {overlap}؛ كابا الكلمات {kappa}</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>مشروع جديد</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation>مرحبًا</translation>
    </message>
    <message>
      <source>Your name (recorded with every label you make):</source>
      <translation>اسمك (يُسجَّل مع كل وسم تضعه):</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>فتح مشروع</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>استيراد</translation>
    </message>
    <message>
      <source>Restore backup</source>
      <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
      <source>Backup:</source>
      <translation>النسخة:</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>لغة الواجهة</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>اللغة:</translation>
    </message>
    <message>
      <source>Pre-annotating</source>
      <translation>جارٍ الوسم المسبق</translation>
    </message>
    <message>
      <source>Text font</source>
      <translation>خط النص</translation>
    </message>
    <message>
      <source>Export into an empty folder</source>
      <translation>التصدير إلى مجلد فارغ</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>تصدير</translation>
    </message>
    <message>
      <source>There is no backup of this project yet.</source>
      <translation>لا توجد نسخة احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
      <source>Create a new project {path}?</source>
      <translation>إنشاء مشروع جديد {path}؟</translation>
    </message>
    <message>
      <source>Projects ({patterns})</source>
      <translation>المشاريع ({patterns})</translation>
    </message>
    <message>
      <source>{when} — {documents} documents, {labels} labels {reason}</source>
      <translation>{when} — {documents} مستندات، {labels} وسمًا {reason}</translation>
    </message>
    <message>
      <source>Read-only ({reason}): nothing can be saved.</source>
      <translation>للقراءة فقط ({reason}): لا يمكن حفظ شيء.</translation>
    </message>
    <message>
      <source>Cannot open the project</source>
      <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
      <source>All files ({patterns})</source>
      <translation>كل الملفات ({patterns})</translation>
    </message>
    <message>
      <source>The NER model is not installed</source>
      <translation>نموذج التعرف على الكيانات غير مثبت</translation>
    </message>
    <message>
      <source>Pre-annotated {count} documents: see the dashed suggestions.</source>
      <translation>وُسم {count} مستندًا مسبقًا: انظر الاقتراحات المتقطعة.</translation>
    </message>
    <message>
      <source>No backup was made on opening: {reason}</source>
      <translation>لم تُنشأ نسخة احتياطية عند الفتح: {reason}</translation>
    </message>
    <message>
      <source>All supported ({patterns})</source>
      <translation>كل الصيغ المدعومة ({patterns})</translation>
    </message>
    <message>
      <source>Restored. The state before the restore is kept in {path}</source>
      <translation>تمت الاستعادة. الحالة السابقة محفوظة في {path}</translation>
    </message>
    <message>
      <source>There is no project {path}.</source>
      <translation>لا يوجد مشروع {path}.</translation>
    </message>
    <message>
      <source>The project is open in other processes: {processes}. Close them, then restore.</source>
      <translation>المشروع مفتوح في عمليات أخرى: {processes}. أغلقها ثم استعد النسخة.</translation>
    </message>
    <message>
      <source>{path} exists already.</source>
      <translation>{path} موجود من قبل.</translation>
    </message>
    <message>
      <source>String</source>
      <translation>العبارة</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>العدد</translation>
    </message>
    <message>
      <source>Damaged document</source>
      <translation>مستند تالف</translation>
    </message>
    <message>
      <source>Different labels</source>
      <translation>وسوم مختلفة</translation>
    </message>
    <message>
      <source>Left unlabelled</source>
      <translation>متروك بلا وسم</translation>
    </message>
    <message>
      <source>Boundary (with or without «ال»)</source>
      <translation>الحدود (مع «ال» أو دونها)</translation>
    </message>
    <message>
      <source>Event argument missing</source>
      <translation>معمول حدث ناقص</translation>
    </message>
    <message>
      <source>Attribution part missing</source>
      <translation>جزء إسناد ناقص</translation>
    </message>
    <message>
      <source>Against the clitic convention</source>
      <translation>مخالف لاصطلاح السوابق</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>افحص</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Every annotator</source>
      <translation>كل الموسِّمين</translation>
    </message>
    <message>
      <source>Not checked yet: press Check.</source>
      <translation>لم يُفحص بعد: اضغط «افحص».</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>جارٍ الفحص…</translation>
    </message>
    <message>
      <source>Check cancelled.</source>
      <translation>أُلغي الفحص.</translation>
    </message>
    <message>
      <source>Check again</source>
      <translation>افحص من جديد</translation>
    </message>
    <message>
      <source>every annotator</source>
      <translation>كل الموسِّمين</translation>
    </message>
    <message>
      <source>Compare the work of every annotator, not only yours</source>
      <translation>قارن عمل كل الموسِّمين، لا عملك وحدك</translation>
    </message>
    <message>
      <source>(+{count})</source>
      <translation>(+{count})</translation>
    </message>
    <message>
      <source>{count} findings at {places} places (checked: {whose}), the most frequent first. Enter or double-click a row to go there.</source>
      <translation>{count} نتيجة في {places} موضعًا (فُحص: {whose})، الأكثر تكرارًا أولًا. اضغط Enter أو انقر مرتين على صف للانتقال إليه.</translation>
    </message>
    <message>
      <source>The check stopped: {reason}</source>
      <translation>توقّف الفحص: {reason}</translation>
    </message>
    <message>
      <source>No inconsistencies found (checked: {whose}).</source>
      <translation>لم يُعثر على أي تعارض (فُحص: {whose}).</translation>
    </message>
    <message>
      <source>Ctrl+K: take «{text}» without «{clitic}»</source>
      <translation>Ctrl+K: خذ «{text}» دون «{clitic}»</translation>
    </message>
    <message>
      <source>Label hits {label} ({count})</source>
      <translation>وسم المواضع بـ{label} ({count})</translation>
    </message>
    <message>
      <source>Delete the labels of hits ({count})</source>
      <translation>حذف وسوم المواضع ({count})</translation>
    </message>
    <message>
      <source>Concordance</source>
      <translation>سياقات الكلمات</translation>
    </message>
    <message>
      <source>Search the whole corpus (ignores diacritics, tatweel and alef forms)…</source>
      <translation>ابحث في المدوّنة كلها (يتجاهل التشكيل والتطويل وأشكال الألف)…</translation>
    </message>
    <message>
      <source>Whole words (after proclitics)</source>
      <translation>كلمات كاملة (بعد السوابق)</translation>
    </message>
    <message>
      <source>Only unlabelled hits</source>
      <translation>المواضع غير الموسومة فقط</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>جارٍ البحث…</translation>
    </message>
    <message>
      <source>No hit.</source>
      <translation>لا مواضع.</translation>
    </message>
    <message>
      <source>Nothing to change.</source>
      <translation>لا شيء يتغيّر.</translation>
    </message>
    <message>
      <source>Label selected hits</source>
      <translation>وسم المواضع المحدّدة</translation>
    </message>
    <message>
      <source>Delete their labels</source>
      <translation>حذف وسومها</translation>
    </message>
    <message>
      <source>Show in the text</source>
      <translation>أظهره في النص</translation>
    </message>
    <message>
      <source>Select hits first (Shift+arrows, Ctrl+A), then press a label's key.</source>
      <translation>حدّد المواضع أولاً (Shift مع الأسهم، Ctrl+A)، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
      <source>You now work as another annotator: search again first.</source>
      <translation>تعمل الآن باسم موسِّم آخر: ابحث من جديد أولاً.</translation>
    </message>
    <message>
      <source>Searching… {done} of {total} documents</source>
      <translation>جارٍ البحث… {done} من {total} مستند</translation>
    </message>
    <message>
      <source>Hits: {total}; the first {shown} are listed.</source>
      <translation>المواضع: {total}؛ معروض أول {shown} منها.</translation>
    </message>
    <message>
      <source>Hits: {total} (documents: {documents}).</source>
      <translation>المواضع: {total} (المستندات: {documents}).</translation>
    </message>
    <message>
      <source>Damaged documents left out: {count}.</source>
      <translation>مستندات تالفة تُركت: {count}.</translation>
    </message>
    <message>
      <source>Hits labelled {label}: {count}.</source>
      <translation>مواضع وُسمت بـ{label}: {count}.</translation>
    </message>
    <message>
      <source>Hits whose labels were deleted: {count}.</source>
      <translation>مواضع حُذفت وسومها: {count}.</translation>
    </message>
    <message>
      <source>Hits left as they were: {count} ({reason})</source>
      <translation>مواضع بقيت كما كانت: {count} ({reason})</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>قبله</translation>
    </message>
    <message>
      <source>Hit</source>
      <translation>الموضع</translation>
    </message>
    <message>
      <source>After</source>
      <translation>بعده</translation>
    </message>
    <message>
      <source>{label} around it</source>
      <translation>{label} يحيط به</translation>
    </message>
    <message>
      <source>{label} in part</source>
      <translation>{label} جزئياً</translation>
    </message>
    <message>
      <source>Entities</source>
      <translation>الكيانات</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>الأحداث</translation>
    </message>
    <message>
      <source>Attributions</source>
      <translation>الإسنادات</translation>
    </message>
    <message>
      <source>Relabel as</source>
      <translation>تغيير الوسم إلى</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Label the selection as</source>
      <translation>وسم التحديد بـ</translation>
    </message>
    <message>
      <source>Add argument…</source>
      <translation>إضافة معمول…</translation>
    </message>
    <message>
      <source>Set source…</source>
      <translation>تعيين المصدر…</translation>
    </message>
    <message>
      <source>Set content…</source>
      <translation>تعيين المحتوى…</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>Suggestion: {label}</source>
      <translation>اقتراح: {label}</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>الدور</translation>
    </message>
    <message>
      <source>Span</source>
      <translation>المقطع</translation>
    </message>
    <message>
      <source>Filter by title or text (two letters or more)…</source>
      <translation>تصفية بالعنوان أو النص (حرفان أو أكثر)…</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <source>Find (ignores diacritics, tatweel and alef forms)…</source>
      <translation>بحث (يتجاهل التشكيل والتطويل وأشكال الألف)…</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>السابق</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>التالي</translation>
    </message>
    <message>
      <source>no match</source>
      <translation>لا نتائج</translation>
    </message>
    <message>
      <source>{index} of {count}</source>
      <translation>{index} من {count}</translation>
    </message>
    <message>
      <source>Getting started: your first label, event and attribution.</source>
      <translation>البداية: أوّل وسم وأوّل حدث وأوّل إسناد.</translation>
    </message>
    <message>
      <source>1. Pick a document in the Documents panel; its text opens in the middle.</source>
      <translation>١. اختر مستندًا في لوحة «المستندات»؛ يُفتح نصّه في الوسط.</translation>
    </message>
    <message>
      <source>2. A label: select a word or a name with the mouse, then press the label's key shown in the label palette (or click the label there). The label is saved at once; Ctrl+Z undoes it.</source>
      <translation>٢. الوسم: حدِّد كلمة أو اسمًا بالفأرة، ثم اضغط مفتاح الوسم الظاهر في «لوحة الوسوم» (أو انقر الوسم فيها). يُحفظ الوسم فورًا، ويتراجع عنه ⁦Ctrl+Z⁩.</translation>
    </message>
    <message>
      <source>3. An event: select the word that names what happened (the trigger) and press an event label's key. The event appears in the Events panel. With the event selected, Ctrl+click a labelled participant, place or time in the text and choose its role (or press «Add argument…», Ctrl+R); each argument shows its role under it.</source>
      <translation>3. حدث: حدّد الكلمة التي تسمّي ما جرى (المُطلِق) واضغط مفتاح وسم حدث. يظهر الحدث في لوحة الأحداث. والحدث محدَّد، اضغط Ctrl مع النقر على مشارك أو مكان أو زمن موسوم في النص واختر دوره (أو اضغط «أضف معاملًا…»، Ctrl+R)؛ ويظهر دور كل معامل تحته.</translation>
    </message>
    <message>
      <source>4. An attribution: select the reporting words (the cue, such as «said») and press the cue's key. The Attributions panel comes forward: set its source (Ctrl+Shift+S) and its content (Ctrl+Shift+C) from a selection or from labels already made.</source>
      <translation>٤. الإسناد: حدِّد كلمات النقل (فعل الإسناد، مثل «قال») واضغط مفتاحه. تتقدّم لوحة «الإسنادات»: عيِّن مصدره (⁦Ctrl+Shift+S⁩) ومحتواه (⁦Ctrl+Shift+C⁩) من تحديد أو من وسوم موجودة.</translation>
    </message>
    <message>
      <source>5. When a document is finished, mark it done (Ctrl+D) and go to the next one not done (Ctrl+Shift+PgDown). Every key is listed in Help &gt; Keyboard shortcuts (F1).</source>
      <translation>٥. إذا فرغت من مستند فعلِّمه منجزًا (⁦Ctrl+D⁩) وانتقل إلى التالي غير المنجز (⁦Ctrl+Shift+PgDown⁩). كل المفاتيح مسرودة في «مساعدة ← اختصارات لوحة المفاتيح» (⁦F1⁩).</translation>
    </message>
    <message>
      <source>Libraries:</source>
      <translation>المكتبات:</translation>
    </message>
    <message>
      <source>About</source>
      <translation>حول البرنامج</translation>
    </message>
    <message>
      <source>Getting started</source>
      <translation>البداية</translation>
    </message>
    <message>
      <source>Arabic News Annotator, version {version}</source>
      <translation>مُوسِّم الأخبار العربية، الإصدار {version}</translation>
    </message>
    <message>
      <source>Project file format version {version}</source>
      <translation>إصدار صيغة ملف المشروع {version}</translation>
    </message>
    <message>
      <source>Settings are kept in: {path}</source>
      <translation>تُحفظ الإعدادات في: {path}</translation>
    </message>
    <message>
      <source>Backups of this project are kept in: {path}</source>
      <translation>تُحفظ النسخ الاحتياطية لهذا المشروع في: {path}</translation>
    </message>
    <message>
      <source>not installed</source>
      <translation>غير مثبَّتة</translation>
    </message>
    <message>
      <source>{label}: …{before} «{words}» {after}… — line {line}</source>
      <translation>{label}: …{before} «{words}» {after}… — السطر {line}</translation>
    </message>
    <message>
      <source>Select a span (click it or press Tab) to move its boundaries.</source>
      <translation>حدِّد مقطعًا (انقر عليه أو اضغط Tab) لتحريك حدوده.</translation>
    </message>
    <message>
      <source>Select an event first (in the text or the Events panel).</source>
      <translation>حدِّد حدثًا أولًا (في النص أو في لوحة الأحداث).</translation>
    </message>
    <message>
      <source>Select an attribution first (mark a cue, or pick one in the panel).</source>
      <translation>حدِّد إسنادًا أولًا (ضع وسم فعل الإسناد أو اختره من اللوحة).</translation>
    </message>
    <message>
      <source>{part} of {attribution}</source>
      <translation>{part} في {attribution}</translation>
    </message>
    <message>
      <source>A trigger cannot be an argument of its own event.</source>
      <translation>لا يكون المُطلِق معاملًا في حدثه نفسه.</translation>
    </message>
    <message>
      <source>Select some text first, then press a label's key.</source>
      <translation>حدِّد نصًا أولًا، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
      <source>Argument of {event}</source>
      <translation>معمول الحدث {event}</translation>
    </message>
    <message>
      <source>Select an event or an attribution first, then Ctrl+click a span to add it.</source>
      <translation>حدّد حدثًا أو إسنادًا أولًا، ثم اضغط Ctrl مع النقر على مقطع لإضافته.</translation>
    </message>
    <message>
      <source>The {label} span is attached to no attribution: select its attribution (or its cue) first, or use Set source/Set content.</source>
      <translation>لم يُربط المقطع {label} بأي إسناد: حدِّد إسناده (أو فعل الإسناد) أولًا، أو استعمل «تعيين المصدر/تعيين المحتوى».</translation>
    </message>
    <message>
      <source>The {label} span is attached to no attribution: {attribution} already has a {part}.</source>
      <translation>لم يُربط المقطع {label} بأي إسناد: للإسناد {attribution} {part} من قبل.</translation>
    </message>
    <message>
      <source>A {label} span can play no other role in {event}.</source>
      <translation>لا يؤدي مقطع {label} دورًا آخر في {event}.</translation>
    </message>
    <message>
      <source>A {label} span can play no part in an attribution.</source>
      <translation>لا يؤدي مقطع {label} أي جزء في إسناد.</translation>
    </message>
    <message>
      <source>new {label} from the selection: {text}</source>
      <translation>{label} جديد من التحديد: {text}</translation>
    </message>
    <message>
      <source>Arabic News Annotator</source>
      <translation>مُوسِّم الأخبار العربية</translation>
    </message>
    <message>
      <source>Adjudication</source>
      <translation>التحكيم</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>الملاحظات</translation>
    </message>
    <message>
      <source>Consistency check</source>
      <translation>فحص الاتساق</translation>
    </message>
    <message>
      <source>Annotation list</source>
      <translation>قائمة الوسوم</translation>
    </message>
    <message>
      <source>Label palette</source>
      <translation>لوحة الوسوم</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>الخصائص</translation>
    </message>
    <message>
      <source>The text filter applies once the corpus is indexed (see the status bar).</source>
      <translation>تُطبَّق التصفية بالنص بعد فهرسة المدوّنة (انظر شريط الحالة).</translation>
    </message>
    <message>
      <source>read-only: nothing can be saved</source>
      <translation>للقراءة فقط: لا يمكن حفظ شيء</translation>
    </message>
    <message>
      <source>Training suggestions on the project's labels…</source>
      <translation>تدريب الاقتراحات على وسوم المشروع…</translation>
    </message>
    <message>
      <source>Model suggestions</source>
      <translation>اقتراحات النموذج</translation>
    </message>
    <message>
      <source>Show model suggestions from this confidence on (0–1):</source>
      <translation>اعرض اقتراحات النموذج من هذه الثقة فما فوق (0–1):</translation>
    </message>
    <message>
      <source>Model suggestions for this document…</source>
      <translation>اقتراحات النموذج لهذا المستند…</translation>
    </message>
    <message>
      <source>{count} model suggestions in this document (dashed; Y accepts, N rejects).</source>
      <translation>{count} من اقتراحات النموذج في هذا المستند (متقطّعة؛ Y يقبل، N يرفض).</translation>
    </message>
    <message>
      <source>No model suggestions: {reason}</source>
      <translation>لا اقتراحات من النموذج: {reason}</translation>
    </message>
    <message>
      <source>new</source>
      <translation>جديد</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>قيد العمل</translation>
    </message>
    <message>
      <source>done</source>
      <translation>منجز</translation>
    </message>
    <message>
      <source>entity</source>
      <translation>كيان</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>الموضع</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>الطبقة</translation>
    </message>
    <message>
      <source>Transliteration</source>
      <translation>النقحرة</translation>
    </message>
    <message>
      <source>Every document is done.</source>
      <translation>كل المستندات منجزة.</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… و{count} غيرها</translation>
    </message>
    <message>
      <source>On</source>
      <translation>على</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>إضافة ملاحظة</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>تعديل ملاحظة</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>حذف ملاحظة</translation>
    </message>
    <message>
      <source>the document</source>
      <translation>المستند</translation>
    </message>
    <message>
      <source>Ctrl+Return saves; an empty note is deleted.</source>
      <translation>⁦Ctrl+Return⁩ للحفظ؛ وتُحذف الملاحظة الفارغة.</translation>
    </message>
    <message>
      <source>attribution {words}</source>
      <translation>إسناد {words}</translation>
    </message>
    <message>
      <source>Select a label first (click it in the text), or write a note on the document.</source>
      <translation>حدِّد وسمًا أولًا (انقر عليه في النص)، أو اكتب ملاحظة على المستند.</translation>
    </message>
    <message>
      <source>Note on {what}</source>
      <translation>ملاحظة على {what}</translation>
    </message>
    <message>
      <source>the document (its item {id} was deleted)</source>
      <translation>المستند (حُذف العنصر {id})</translation>
    </message>
    <message>
      <source>{type} event {words}</source>
      <translation>حدث {type} {words}</translation>
    </message>
    <message>
      <source>Note on the selection…</source>
      <translation>ملاحظة على المحدَّد…</translation>
    </message>
    <message>
      <source>Note on the document…</source>
      <translation>ملاحظة على المستند…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>تعديل…</translation>
    </message>
    <message>
      <source>Change my name</source>
      <translation>تغيير اسمي</translation>
    </message>
    <message>
      <source>No other annotator has labels in this project.</source>
      <translation>لا وسوم لأي مُوسِّم آخر في هذا المشروع.</translation>
    </message>
    <message>
      <source>Annotator:</source>
      <translation>المُوسِّم:</translation>
    </message>
    <message>
      <source>From now on your labels are recorded as {new}; those made as {old} keep that name (View &gt; Show annotator shows them).</source>
      <translation>تُسجَّل وسومك من الآن باسم {new}؛ وتبقى الوسوم التي صُنعت باسم {old} على ذلك الاسم (يعرضها «عرض &gt; اعرض مُوسِّمًا آخر»).</translation>
    </message>
    <message>
      <source>{annotator}'s labels (read-only) — {document}</source>
      <translation>وسوم {annotator} (للقراءة فقط) — {document}</translation>
    </message>
    <message>
      <source>{count} labels, status: {status}</source>
      <translation>{count} وسمًا، الحالة: {status}</translation>
    </message>
    <message>
      <source>Attribution</source>
      <translation>الإسناد</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>الحدث</translation>
    </message>
    <message>
      <source>Trigger / argument</source>
      <translation>المُطلِق / المعمول</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>Cue</source>
      <translation>فعل الإسناد</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>المحتوى</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>العنصر</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>إزالة</translation>
    </message>
    <message>
      <source>Nothing selected</source>
      <translation>لا شيء محدد</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
      <source>SVG drawing (*.svg)</source>
      <translation>رسم متّجهي SVG (*.svg)</translation>
    </message>
    <message>
      <source>Save as PNG…</source>
      <translation>حفظ صورةً بصيغة PNG…</translation>
    </message>
    <message>
      <source>Save as SVG…</source>
      <translation>حفظ رسماً متّجهياً بصيغة SVG…</translation>
    </message>
    <message>
      <source>Show everything</source>
      <translation>عرض الكلّ</translation>
    </message>
    <message>
      <source>Save plot</source>
      <translation>حفظ الرسم</translation>
    </message>
    <message>
      <source>Could not save the plot as {path}: {reason}</source>
      <translation>تعذّر حفظ الرسم في {path}: {reason}</translation>
    </message>
    <message>
      <source>select + label key</source>
      <translation>تحديد + مفتاح الوسم</translation>
    </message>
    <message>
      <source>label the selection (snapped to whole words)</source>
      <translation>وسم التحديد (يُمدّ إلى كلمات كاملة)</translation>
    </message>
    <message>
      <source>Alt + drag</source>
      <translation>Alt + سحب</translation>
    </message>
    <message>
      <source>select exact characters (no snapping)</source>
      <translation>تحديد أحرف بعينها (دون مدّ إلى الكلمات)</translation>
    </message>
    <message>
      <source>label key, no selection</source>
      <translation>مفتاح الوسم دون تحديد</translation>
    </message>
    <message>
      <source>relabel the selected span</source>
      <translation>تغيير وسم المقطع المختار</translation>
    </message>
    <message>
      <source>Ctrl + click a span</source>
      <translation>Ctrl + نقر على مقطع</translation>
    </message>
    <message>
      <source>add it to the selected event (choose its role) or attribution</source>
      <translation>إضافته إلى الحدث المحدَّد (مع اختيار دوره) أو الإسناد</translation>
    </message>
    <message>
      <source>next / previous label</source>
      <translation>الوسم التالي / السابق</translation>
    </message>
    <message>
      <source>move the start boundary by a character / a word</source>
      <translation>تحريك حدّ البداية حرفًا / كلمة</translation>
    </message>
    <message>
      <source>move the end boundary by a character / a word</source>
      <translation>تحريك حدّ النهاية حرفًا / كلمة</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Filter by key or action…</source>
      <translation>صفِّ بالمفتاح أو بالإجراء…</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>المفاتيح</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>label {label}</source>
      <translation>وسم {label}</translation>
    </message>
    <message>
      <source>Corpus: {done}/{total} done ({percent}%)</source>
      <translation>المدوّنة: {done}/{total} منجز ({percent}%)</translation>
    </message>
    <message>
      <source>Document {position}/{total} · labels: {labels} · events: {events} · {status}</source>
      <translation>المستند {position}/{total} · الوسوم: {labels} · الأحداث: {events} · {status}</translation>
    </message>
    <message>
      <source>Labels per day</source>
      <translation>الوسوم في اليوم</translation>
    </message>
    <message>
      <source>Labels so far</source>
      <translation>المجموع التراكمي للوسوم</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>إحصاءات</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>التقدّم</translation>
    </message>
    <message>
      <source>Day (UTC)</source>
      <translation>اليوم (بالتوقيت العالمي)</translation>
    </message>
    <message>
      <source>No label has a date yet: labels made in the app are dated, imported ones are not.</source>
      <translation>لا يحمل أيّ وسم تاريخاً بعد: الوسوم التي تُصنع في التطبيق مؤرَّخة، أمّا المستوردة فلا.</translation>
    </message>
    <message>
      <source>Labels per type (all annotators)</source>
      <translation>الوسوم حسب النوع (كل الموسِّمين)</translation>
    </message>
    <message>
      <source>Documents by status (per annotator)</source>
      <translation>المستندات حسب الحالة (لكل موسِّم)</translation>
    </message>
    <message>
      <source>Labels per annotator over time ({annotator} in bold)</source>
      <translation>وسوم كل موسِّم عبر الزمن ({annotator} بالخط العريض)</translation>
    </message>
    <message>
      <source>Day (UTC), {first} to {last}</source>
      <translation>اليوم (بالتوقيت العالمي)، من {first} إلى {last}</translation>
    </message>
    <message>
      <source>{count} labels with an unreadable date are left out.</source>
      <translation>لم يُحسب {count} من الوسوم لأنّ تاريخها غير مقروء.</translation>
    </message>
    <message>
      <source>Add {label} span</source>
      <translation>إضافة وسم {label}</translation>
    </message>
    <message>
      <source>Delete {label} span</source>
      <translation>حذف وسم {label}</translation>
    </message>
    <message>
      <source>Relabel span {id}</source>
      <translation>تغيير وسم {id}</translation>
    </message>
    <message>
      <source>Resize span {id}</source>
      <translation>تعديل حدود {id}</translation>
    </message>
    <message>
      <source>Edit span {id}</source>
      <translation>تعديل الوسم {id}</translation>
    </message>
    <message>
      <source>Add {label} event</source>
      <translation>إضافة حدث {label}</translation>
    </message>
    <message>
      <source>Add {role} argument</source>
      <translation>إضافة معمول {role}</translation>
    </message>
    <message>
      <source>Remove {role} argument</source>
      <translation>إزالة معمول {role}</translation>
    </message>
    <message>
      <source>Add attribution</source>
      <translation>إضافة إسناد</translation>
    </message>
    <message>
      <source>Edit {id}</source>
      <translation>تعديل {id}</translation>
    </message>
    <message>
      <source>Delete event {id}</source>
      <translation>حذف الحدث {id}</translation>
    </message>
    <message>
      <source>Delete attribution {id}</source>
      <translation>حذف الإسناد {id}</translation>
    </message>
    <message>
      <source>Mark {status}</source>
      <translation>وضع الحالة: {status}</translation>
    </message>
    <message>
      <source>Reject {label} suggestion</source>
      <translation>رفض اقتراح {label}</translation>
    </message>
    <message>
      <source>Reject {label}</source>
      <translation>رفض {label}</translation>
    </message>
    <message>
      <source>Set {part}</source>
      <translation>تعيين {part}</translation>
    </message>
    <message>
      <source>Accept {label}</source>
      <translation>قبول {label}</translation>
    </message>
    <message>
      <source>Accept {count} agreed labels</source>
      <translation>قبول {count} وسمًا متفقًا عليه</translation>
    </message>
    <message>
      <source>Accept {count} suggestions</source>
      <translation>قبول {count} اقتراحًا</translation>
    </message>
    <message>
      <source>source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>cue</source>
      <translation>فعل الإسناد</translation>
    </message>
    <message>
      <source>content</source>
      <translation>المحتوى</translation>
    </message>
    <message>
      <source>Indexing the corpus for suggestions…</source>
      <translation>فهرسة المدوّنة للاقتراحات…</translation>
    </message>
    <message>
      <source>No suggestions in this document.</source>
      <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
      <source>Y labels «{text}» {label}; N rejects it.</source>
      <translation>‏Y يَسِم «{text}» بالوسم {label}؛ N يرفض الاقتراح.</translation>
    </message>
    <message>
      <source>{count} damaged documents were left out of the suggestions: {names}</source>
      <translation>استُبعدت {count} مستندات تالفة من الاقتراحات: {names}</translation>
    </message>
    <message>
      <source>Y labels «{text}» {label} (model suggestion, {percent}% sure); N rejects it.</source>
      <translation>Y يَسِم «{text}» بـ{label} (اقتراح النموذج، بثقة {percent}%)؛ N يرفضه.</translation>
    </message>
    <message>
      <source>Show column «{title}»</source>
      <translation>أظهر العمود «{title}»</translation>
    </message>
    <message>
      <source>Buckwalter: {text}</source>
      <translation>بكوالتر: {text}</translation>
    </message>
    <message>
      <source>cut a token at a span's edge</source>
      <translation>اقطع الرمز عند حدّ المقطع</translation>
    </message>
    <message>
      <source>widen spans to whole tokens</source>
      <translation>وسّع المقاطع إلى رموز كاملة</translation>
    </message>
    <message>
      <source>narrow spans to whole tokens</source>
      <translation>ضيّق المقاطع إلى رموز كاملة</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>جارٍ التصدير</translation>
    </message>
    <message>
      <source>Import options</source>
      <translation>خيارات الاستيراد</translation>
    </message>
    <message>
      <source>by the file's name</source>
      <translation>حسب اسم الملف</translation>
    </message>
    <message>
      <source>detected (UTF-8, or UTF-16 with its mark)</source>
      <translation>يُكتشف تلقائيًا (UTF-8، أو UTF-16 مع علامته)</translation>
    </message>
    <message>
      <source>Add unknown labels to the schema</source>
      <translation>إضافة الوسوم المجهولة إلى المخطط</translation>
    </message>
    <message>
      <source>CoNLL: refuse I- tags that start an entity</source>
      <translation>CoNLL: رفض وسوم I- التي تبدأ كيانًا</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>الصيغة</translation>
    </message>
    <message>
      <source>Annotator (when files name none)</source>
      <translation>الموسِّم (إن لم تذكره الملفات)</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>الترميز</translation>
    </message>
    <message>
      <source>Export options</source>
      <translation>خيارات التصدير</translation>
    </message>
    <message>
      <source>CoNLL scheme</source>
      <translation>نظام وسوم CoNLL</translation>
    </message>
    <message>
      <source>CoNLL alignment</source>
      <translation>محاذاة CoNLL</translation>
    </message>
    <message>
      <source>CoNLL layer</source>
      <translation>طبقة CoNLL</translation>
    </message>
    <message>
      <source>Imported {count} documents.</source>
      <translation>استُورد {count} مستندًا.</translation>
    </message>
    <message>
      <source>Exported {count} documents to {target}</source>
      <translation>صُدِّر {count} مستندًا إلى {target}</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>خطأ غير متوقع: {error}</translation>
    </message>
    <message>
      <source>trigger</source>
      <translation>المُطلِق</translation>
    </message>
    <message>
      <source>annotator: {name}</source>
      <translation>الموسِّم: {name}</translation>
    </message>
    <message>
      <source>{id} attribution: {part}</source>
      <translation>الإسناد {id}: {part}</translation>
    </message>
  </context>
</TS>
