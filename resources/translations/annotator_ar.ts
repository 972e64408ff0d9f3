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
      <source>Why some figures could not be computed:</source>
      <translation>لماذا تعذّر حساب بعض الأرقام:</translation>
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
      <translation>{a} / {b}: عدد المستندات {count}</translation>
    </message>
    <message>
      <source>{a} / {b} ({count} documents)</source>
      <translation>{a} / {b} (المستندات: {count})</translation>
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
      <source>What restoring it would drop cannot be told.</source>
      <translation>لا يمكن معرفة ما ستُسقطه الاستعادة.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>استعادة</translation>
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
      <translation>{when} — المستندات: {documents}، الوسوم: {labels} {reason}</translation>
    </message>
    <message>
      <source>Restore the backup of {backup}? {drops}. The project as it is now is kept as a backup first.</source>
      <translation>أتستعيد النسخة الاحتياطية {backup}؟ {drops}. تُحفظ حالة المشروع الحالية في نسخة احتياطية أولًا.</translation>
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
      <translation>وُسمت المستندات مسبقًا (عددها {count}): انظر الاقتراحات المتقطعة.</translation>
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
      <translation>النتائج: {count}، والمواضع: {places} (فُحص: {whose})، الأكثر تكرارًا أولًا. اضغط Enter أو انقر مرتين على صف للانتقال إليه.</translation>
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
      <translation>جارٍ البحث… المستندات: {done} من {total}</translation>
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
      <source>Whose statuses and labels the list shows (and the status filter reads)</source>
      <translation>عمل مَن تعرض القائمة حالاته ووسومه (وعليه تعمل تصفية الحالة)</translation>
    </message>
    <message>
      <source>My work ({name})</source>
      <translation>عملي ({name})</translation>
    </message>
    <message>
      <source>Work of {name}</source>
      <translation>عمل {name}</translation>
    </message>
    <message>
      <source>No space left on device</source>
      <translation>لم تبقَ مساحة على القرص</translation>
    </message>
    <message>
      <source>Disk quota exceeded</source>
      <translation>نفدت حصّة القرص</translation>
    </message>
    <message>
      <source>Permission denied</source>
      <translation>الإذن مرفوض</translation>
    </message>
    <message>
      <source>Operation not permitted</source>
      <translation>العملية غير مسموح بها</translation>
    </message>
    <message>
      <source>Read-only file system</source>
      <translation>نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
      <source>No such file or directory</source>
      <translation>لا يوجد هذا الملف أو المجلد</translation>
    </message>
    <message>
      <source>Is a directory</source>
      <translation>هذا مجلد</translation>
    </message>
    <message>
      <source>Not a directory</source>
      <translation>ليس مجلدًا</translation>
    </message>
    <message>
      <source>File exists</source>
      <translation>الملف موجود من قبل</translation>
    </message>
    <message>
      <source>Input/output error</source>
      <translation>خطأ في الإدخال أو الإخراج</translation>
    </message>
    <message>
      <source>File name too long</source>
      <translation>اسم الملف طويل جدًا</translation>
    </message>
    <message>
      <source>Directory not empty</source>
      <translation>المجلد ليس فارغًا</translation>
    </message>
    <message>
      <source>database or disk is full</source>
      <translation>قاعدة البيانات أو القرص ممتلئ</translation>
    </message>
    <message>
      <source>attempt to write a readonly database</source>
      <translation>محاولة كتابة في قاعدة بيانات للقراءة فقط</translation>
    </message>
    <message>
      <source>database is locked</source>
      <translation>قاعدة البيانات مقفلة</translation>
    </message>
    <message>
      <source>disk I/O error</source>
      <translation>خطأ في القراءة من القرص أو الكتابة فيه</translation>
    </message>
    <message>
      <source>unable to open database file</source>
      <translation>يتعذّر فتح ملف قاعدة البيانات</translation>
    </message>
    <message>
      <source>file is not a database</source>
      <translation>الملف ليس قاعدة بيانات</translation>
    </message>
    <message>
      <source>database disk image is malformed</source>
      <translation>صورة قاعدة البيانات على القرص تالفة</translation>
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
      <translation>الوسوم: {count}، الحالة: {status}</translation>
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
      <source>attribution {id}</source>
      <translation>الإسناد {id}</translation>
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
      <source>Corpus, work of {name}: {done}/{total} done ({percent}%)</source>
      <translation>المدوّنة، عمل {name}: {done}/{total} منجز ({percent}%)</translation>
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
      <source>Documents (one per annotator)</source>
      <translation>المستندات (نسخة لكل موسِّم)</translation>
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
      <translation>قبول الوسوم المتفق عليها ({count})</translation>
    </message>
    <message>
      <source>Accept {count} suggestions</source>
      <translation>قبول الاقتراحات ({count})</translation>
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
      <translation>استُبعدت مستندات تالفة من الاقتراحات (عددها {count}): {names}</translation>
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
      <source>{before}; {after}</source>
      <translation>{before}؛ {after}</translation>
    </message>
    <message>
      <source> ({count} warnings: {warnings})</source>
      <translation> (تحذيرات عددها {count}: {warnings})</translation>
    </message>
    <message>
      <source>CoNLL layer</source>
      <translation>طبقة CoNLL</translation>
    </message>
    <message>
      <source>Imported {count} documents.</source>
      <translation>عدد المستندات المستوردة: {count}.</translation>
    </message>
    <message>
      <source>Exported {count} documents to {target}</source>
      <translation>صُدِّرت المستندات (عددها {count}) إلى {target}</translation>
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
    <message>
      <source>only one category ({names}) occurs in {count} items: chance agreement is total</source>
      <translation>لا تظهر إلا فئة واحدة ({names}) في {count} من العناصر: فالاتفاق بالمصادفة تامّ</translation>
    </message>
    <message>
      <source>none</source>
      <translation>لا شيء</translation>
    </message>
    <message>
      <source>only one category ({names}) occurs in {count} subjects: chance agreement is total</source>
      <translation>لا تظهر إلا فئة واحدة ({names}) في {count} من المفردات المقيَّمة: فالاتفاق بالمصادفة تامّ</translation>
    </message>
    <message>
      <source>only one category ({names}) occurs in {count} pairable units: chance agreement is total</source>
      <translation>لا تظهر إلا فئة واحدة ({names}) في {count} من الوحدات القابلة للمقارنة: فالاتفاق بالمصادفة تامّ</translation>
    </message>
    <message>
      <source>no items were rated by both coders</source>
      <translation>لا عناصر قيّمها الموسِّمان كلاهما</translation>
    </message>
    <message>
      <source>no unit was coded by two or more coders</source>
      <translation>لا وحدة رمّزها موسِّمان أو أكثر</translation>
    </message>
    <message>
      <source>no subjects were rated by every rater</source>
      <translation>لا مفردات قيّمها كل المقيِّمين</translation>
    </message>
    <message>
      <source>fewer than two ratings per subject</source>
      <translation>أقل من تقييمين لكل مفردة</translation>
    </message>
    <message>
      <source>attribution source</source>
      <translation>مصدر إسناد</translation>
    </message>
    <message>
      <source>attribution cue</source>
      <translation>فعل إسناد</translation>
    </message>
    <message>
      <source>attribution content</source>
      <translation>محتوى إسناد</translation>
    </message>
    <message>
      <source>no document that two or more annotators marked done</source>
      <translation>لا مستند علّم موسِّمان أو أكثر أنه منجز</translation>
    </message>
    <message>
      <source>no document that two or more annotators touched</source>
      <translation>لا مستند عمل عليه موسِّمان أو أكثر</translation>
    </message>
    <message>
      <source>no annotator marked an entity span</source>
      <translation>لم يضع أي موسِّم مقطع كيان</translation>
    </message>
    <message>
      <source>neither {a} nor {b} marked any {what}</source>
      <translation>لم يضع {a} ولا {b} أي {what}</translation>
    </message>
    <message>
      <source>no annotator marked an entity span in the documents read</source>
      <translation>لم يضع أي موسِّم مقطع كيان في المستندات المقروءة</translation>
    </message>
    <message>
      <source>no pair</source>
      <translation>لا زوج</translation>
    </message>
    <message>
      <source>agreement</source>
      <translation>الاتفاق</translation>
    </message>
    <message>
      <source>{name} has no work in this project</source>
      <translation>لا عمل لـ{name} في هذا المشروع</translation>
    </message>
    <message>
      <source>{count} annotator(s) selected: nothing to compare</source>
      <translation>عدد الموسِّمين المختارين {count}: لا شيء للمقارنة</translation>
    </message>
    <message>
      <source>{a}/{b}: {reason}</source>
      <translation>{a}/{b}: {reason}</translation>
    </message>
    <message>
      <source>event trigger</source>
      <translation>مُطلِق حدث</translation>
    </message>
    <message>
      <source>event argument</source>
      <translation>معمول حدث</translation>
    </message>
    <message>
      <source>{a} and {b} have no document in common that both touched</source>
      <translation>لا مستند مشترك بين {a} و{b} عمل عليه كلاهما</translation>
    </message>
    <message>
      <source>{a} and {b} have no document in common that both marked done</source>
      <translation>لا مستند مشترك بين {a} و{b} علّم كلاهما أنه منجز</translation>
    </message>
    <message>
      <source>{b} marked no {what}: no precision against {a}</source>
      <translation>لم يضع {b} أي {what}: فلا دقة قياسًا إلى {a}</translation>
    </message>
    <message>
      <source>no document that every annotator ({annotators}) touched</source>
      <translation>لا مستند عمل عليه كل الموسِّمين ({annotators})</translation>
    </message>
    <message>
      <source>no document that every annotator ({annotators}) marked done</source>
      <translation>لا مستند علّم كل الموسِّمين ({annotators}) أنه منجز</translation>
    </message>
    <message>
      <source>entity span</source>
      <translation>مقطع كيان</translation>
    </message>
    <message>
      <source>{a} marked no {what}: no recall for {b}</source>
      <translation>لم يضع {a} أي {what}: فلا استرجاع لـ{b}</translation>
    </message>
    <message>
      <source>undefined</source>
      <translation>غير معرَّف</translation>
    </message>
    <message>
      <source>{reason} (in 1 document)</source>
      <translation>{reason} (في مستند واحد)</translation>
    </message>
    <message>
      <source>{reason} (in {count} documents)</source>
      <translation>{reason} (في {count} من المستندات)</translation>
    </message>
    <message>
      <source>the document has no text</source>
      <translation>لا نص في المستند</translation>
    </message>
    <message>
      <source>expected disagreement is 0 in every category</source>
      <translation>الاختلاف المتوقع صفر في كل فئة</translation>
    </message>
    <message>
      <source>expected disagreement is 0 (no unitization could differ)</source>
      <translation>الاختلاف المتوقع صفر (لا يمكن أن يختلف أي تقطيع)</translation>
    </message>
    <message>
      <source>no rater marked any unit</source>
      <translation>لم يضع أي مقيِّم أي وحدة</translation>
    </message>
    <message>
      <source>the project cannot be changed here: {reason}</source>
      <translation>لا يمكن تغيير المشروع هنا: {reason}</translation>
    </message>
    <message>
      <source>--layer is for CoNLL only; {format} exports every layer</source>
      <translation>الخيار ⁦--layer⁩ خاص بـ CoNLL وحده؛ فالتصدير بصيغة {format} يشمل كل الطبقات</translation>
    </message>
    <message>
      <source>no such annotator in the project: {names}; its annotators are: {known}</source>
      <translation>لا يوجد في المشروع موسِّم بهذا الاسم: {names}؛ موسِّموه هم: {known}</translation>
    </message>
    <message>
      <source>no such annotator in the project: {names}; it has no annotators yet</source>
      <translation>لا يوجد في المشروع موسِّم بهذا الاسم: {names}؛ وليس فيه أي موسِّم بعد</translation>
    </message>
    <message>
      <source>{file}: {reason}</source>
      <translation>{file}: {reason}</translation>
    </message>
    <message>
      <source>no such item {id!r}</source>
      <translation>لا يوجد عنصر {id!r}</translation>
    </message>
    <message>
      <source>{kind} {id} was changed by another window or program since; {refused}</source>
      <translation>غيّرت نافذةٌ أخرى أو برنامجٌ آخر {kind} {id} منذ ذلك الحين؛ {refused}</translation>
    </message>
    <message>
      <source>nothing was changed</source>
      <translation>لم يتغيّر شيء</translation>
    </message>
    <message>
      <source>nothing was undone</source>
      <translation>لم يُتراجع عن شيء</translation>
    </message>
    <message>
      <source>{annotator}'s labels on document {document!r} do not fit the project's schema and were not checked: {error}; the project file was changed outside the app or is damaged</source>
      <translation>وسوم {annotator} على المستند {document!r} لا توافق مخطط المشروع فلم تُفحص: {error}؛ غُيِّر ملف المشروع خارج البرنامج أو هو تالف</translation>
    </message>
    <message>
      <source>{annotator}'s labels on document {document!r} cannot be read and was not checked: {error}</source>
      <translation>تعذّرت قراءة وسوم {annotator} على المستند {document!r} فلم تُفحص: {error}</translation>
    </message>
    <message>
      <source>document {document!r} cannot be read and was not checked: {error}</source>
      <translation>تعذّرت قراءة المستند {document!r} فلم يُفحص: {error}</translation>
    </message>
    <message>
      <source>{before} and {after}</source>
      <translation>{before} و{after}</translation>
    </message>
    <message>
      <source>«{name}» is labelled {counts}, by one annotator ({annotator})</source>
      <translation>وُسِم «{name}» بوسوم مختلفة: {counts}، لدى موسِّم واحد ({annotator})</translation>
    </message>
    <message>
      <source>«{name}» is labelled {counts}, across annotators ({annotators})</source>
      <translation>وُسِم «{name}» بوسوم مختلفة: {counts}، بين الموسِّمين ({annotators})</translation>
    </message>
    <message>
      <source>«{name}» takes in a proclitic the project's 'exclude' convention leaves out ({count}x)</source>
      <translation>«{name}» يشمل سابقةً، واصطلاح المشروع يستبعد السوابق من مقاطع الكيانات (العدد: {count})</translation>
    </message>
    <message>
      <source>«{name}» leaves out proclitics the project's 'include' convention takes in ({count}x)</source>
      <translation>«{name}» يُسقط سوابق، واصطلاح المشروع يضمّ السوابق إلى مقاطع الكيانات (العدد: {count})</translation>
    </message>
    <message>
      <source>{type}/any argument</source>
      <translation>{type}/أي معمول</translation>
    </message>
    <message>
      <source>{type} events without any argument ({count}x)</source>
      <translation>أحداث {type} بلا أي معمول (العدد: {count})</translation>
    </message>
    <message>
      <source>{type}/{role}</source>
      <translation>{type}/{role}</translation>
    </message>
    <message>
      <source>{type} events without a {role} ({count}x)</source>
      <translation>أحداث {type} بلا معمول {role} (العدد: {count})</translation>
    </message>
    <message>
      <source>attributions without a source ({count}x)</source>
      <translation>إسنادات بلا مصدر (العدد: {count})</translation>
    </message>
    <message>
      <source>attributions without a content ({count}x)</source>
      <translation>إسنادات بلا محتوى (العدد: {count})</translation>
    </message>
    <message>
      <source>{label} {count}x</source>
      <translation>{label} (العدد: {count})</translation>
    </message>
    <message>
      <source>«{form}» {count}x</source>
      <translation>«{form}» (العدد: {count})</translation>
    </message>
    <message>
      <source>the same name is labelled with and without «ال»: {counts}</source>
      <translation>الاسم نفسه موسوم مع «ال» ودونها: {counts}</translation>
    </message>
    <message>
      <source>«{name}» (labelled {labels} elsewhere) is left unlabelled {count}x</source>
      <translation>«{name}» (وُسِم {labels} في مواضع أخرى) متروك بلا وسم (العدد: {count})</translation>
    </message>
    <message>
      <source>a document with this id already exists in the project with a different text; rename it or remove the old one</source>
      <translation>في المشروع مستند بهذا المعرّف نفسه ونصّه مختلف؛ غيّر اسمه أو احذف المستند القديم</translation>
    </message>
    <message>
      <source>nothing to import: no documents found</source>
      <translation>لا شيء للاستيراد: لم يُعثر على أي مستند</translation>
    </message>
    <message>
      <source>a blob of {count} bytes</source>
      <translation>بيانات ثنائية من {count} بايت</translation>
    </message>
    <message>
      <source>the boolean {value}</source>
      <translation>القيمة المنطقية {value}</translation>
    </message>
    <message>
      <source>the integer {value}</source>
      <translation>العدد الصحيح {value}</translation>
    </message>
    <message>
      <source>the real number {value!r}</source>
      <translation>العدد الحقيقي {value!r}</translation>
    </message>
    <message>
      <source>text {text!r}</source>
      <translation>النص {text!r}</translation>
    </message>
    <message>
      <source>a JSON list</source>
      <translation>قائمة JSON</translation>
    </message>
    <message>
      <source>a JSON object</source>
      <translation>كائن JSON</translation>
    </message>
    <message>
      <source>the setting {key!r} is not a JSON object</source>
      <translation>الإعداد {key!r} ليس كائن JSON</translation>
    </message>
    <message>
      <source>the setting {key!r} is not valid JSON ({reason})</source>
      <translation>الإعداد {key!r} ليس JSON صالحًا ({reason})</translation>
    </message>
    <message>
      <source>the setting {key!r} is not usable: {reason}</source>
      <translation>لا يمكن استعمال الإعداد {key!r}: {reason}</translation>
    </message>
    <message>
      <source>train again: annotator learn {project}</source>
      <translation>درِّب النموذج من جديد: annotator learn {project}</translation>
    </message>
    <message>
      <source>{label!r} is not an entity label of the schema (entity labels: {known})</source>
      <translation>{label!r} ليس من وسوم الكيانات في المخطط (وسوم الكيانات: {known})</translation>
    </message>
    <message>
      <source>nothing to learn from: no document marked done (or gold) holds a label of {labels}; mark some documents done, or name annotators with --from</source>
      <translation>لا شيء يُتعلَّم منه: لا يحمل أيُّ مستند منجز (أو مرجعي) وسمًا من {labels}؛ علِّم بعض المستندات منجزةً، أو سمِّ الموسِّمين بالخيار ‎--from</translation>
    </message>
    <message>
      <source>the project has no trained model; {again}</source>
      <translation>ليس في المشروع نموذج مدرَّب؛ {again}</translation>
    </message>
    <message>
      <source>the model was made by an older version of annotator (model format {format}, this version reads {readable}); {again}</source>
      <translation>صُنع النموذج بإصدار أقدم من البرنامج (صيغة النموذج {format}، وهذا الإصدار يقرأ الصيغة {readable})؛ {again}</translation>
    </message>
    <message>
      <source>the model was made by a newer version of annotator (model format {format}, this version reads {readable}); update annotator or {again}</source>
      <translation>صُنع النموذج بإصدار أحدث من البرنامج (صيغة النموذج {format}، وهذا الإصدار يقرأ الصيغة {readable})؛ حدِّث البرنامج أو {again}</translation>
    </message>
    <message>
      <source>the model was trained for another schema; {again}</source>
      <translation>دُرِّب النموذج على مخطط آخر؛ {again}</translation>
    </message>
    <message>
      <source>the stored model has no description; {again}</source>
      <translation>النموذج المحفوظ بلا وصف؛ {again}</translation>
    </message>
    <message>
      <source>no document {document!r} in the project</source>
      <translation>لا يوجد المستند {document!r} في المشروع</translation>
    </message>
    <message>
      <source>trained</source>
      <translation>اكتمل التدريب</translation>
    </message>
    <message>
      <source>read {document}</source>
      <translation>قُرئ {document}</translation>
    </message>
    <message>
      <source>the document has {size:,} characters, more than the limit of {limit:,} characters per document; split it into smaller documents (articles or chapters) and import those</source>
      <translation>في المستند {size:,} حرفًا، وهذا أكثر من الحدّ الأقصى للمستند الواحد وهو {limit:,} حرف؛ قسِّمه إلى مستندات أصغر (مقالات أو فصول) واستورِدها</translation>
    </message>
    <message>
      <source>kept the project's work of {annotator} on {count} documents ({documents}): {source} has nothing there (marked new, nothing labelled)</source>
      <translation>أُبقي عمل {annotator} في المشروع على {count} من المستندات ({documents}): لا شيء له فيها في {source} (معلَّمة جديدة، بلا أي وسم)</translation>
    </message>
    <message>
      <source>this merge would replace newer work with older work, so nothing was merged: {older}; to replace it anyway, merge again with --force-older</source>
      <translation>هذا الدمج سيضع عملًا أقدم مكان عمل أحدث، فلم يُدمج شيء: {older}؛ ولفعل ذلك مع هذا ادمج من جديد بالخيار ‎--force-older</translation>
    </message>
    <message>
      <source>{shown} and {more} more</source>
      <translation>{shown} و{more} غيرها</translation>
    </message>
    <message>
      <source>kept the project's work of {annotator} on document {documents}: {source} has it as it was assigned, never edited</source>
      <translation>أُبقي عمل {annotator} في المشروع على المستند {documents}: نسخته في {source} كما وُزِّعت، لم تُحرَّر قط</translation>
    </message>
    <message>
      <source>kept the project's work of {annotator} on {count} documents ({documents}): {source} has them as they were assigned, never edited</source>
      <translation>أُبقي عمل {annotator} في المشروع على {count} من المستندات ({documents}): نسخها في {source} كما وُزِّعت، لم تُحرَّر قط</translation>
    </message>
    <message>
      <source>kept the project's work of {annotator} on document {documents}: {source} has nothing there (marked new, nothing labelled)</source>
      <translation>أُبقي عمل {annotator} في المشروع على المستند {documents}: لا شيء له فيه في {source} (معلَّم جديدًا، بلا أي وسم)</translation>
    </message>
    <message>
      <source>no such documents in the project: {documents}</source>
      <translation>هذه المستندات غير موجودة في المشروع: {documents}</translation>
    </message>
    <message>
      <source>label {label!r} is a {there} label there but a {here} label here</source>
      <translation>الوسم {label!r} من طبقة {there} هناك ومن طبقة {here} هنا</translation>
    </message>
    <message>
      <source>document {document!r}, annotator {annotator!r}: {held} has work from {held_from}, {arriving} only from {arriving_from}</source>
      <translation>المستند {document!r}، الموسِّم {annotator!r}: في {held} عمل من {held_from}، وفي {arriving} عمل من {arriving_from} فقط</translation>
    </message>
    <message>
      <source>'notes' must be a list of {"target": ..., "text": ...}</source>
      <translation>يجب أن يكون 'notes' قائمة من {"target": ..., "text": ...}</translation>
    </message>
    <message>
      <source>no such item {target!r} to put a note on</source>
      <translation>لا يوجد عنصر {target!r} لتُكتب عليه ملاحظة</translation>
    </message>
    <message>
      <source>each note needs a string 'text' (and 'target': an item id or '')</source>
      <translation>تحتاج كل ملاحظة إلى نص في 'text' (وإلى 'target': معرّف عنصر أو '')</translation>
    </message>
    <message>
      <source>a note is on {target!r}, but no span, event or attribution of this work has that id (a note on the document has the target "")</source>
      <translation>ملاحظة على {target!r}، ولا وسم ولا حدث ولا إسناد في هذا العمل بهذا المعرِّف (هدف الملاحظة على المستند "")</translation>
    </message>
    <message>
      <source>the note on {target} was changed by another window or program since; {refused}</source>
      <translation>غيّرت نافذةٌ أخرى أو برنامجٌ آخر الملاحظةَ على {target} منذ ذلك الحين؛ {refused}</translation>
    </message>
    <message>
      <source>the NER mapping sends {source} to {target!r}, which the schema {schema!r} does not have; map it to one of its labels or to nothing</source>
      <translation>مطابقة التعرف على الكيانات ترسل {source} إلى {target!r}، وهو غير موجود في المخطط {schema!r}؛ اربطه بأحد وسومه أو بلا شيء</translation>
    </message>
    <message>
      <source>Loading the NER model</source>
      <translation>تحميل نموذج التعرف على الكيانات</translation>
    </message>
    <message>
      <source>Pre-annotated {title}</source>
      <translation>وُسم مسبقًا: {title}</translation>
    </message>
    <message>
      <source>label #{number} needs a 'name'</source>
      <translation>الوسم رقم {number} يحتاج إلى 'name'</translation>
    </message>
    <message>
      <source>label {label!r}: a label name cannot be empty or hold spaces</source>
      <translation>الوسم {label!r}: لا يكون اسم الوسم فارغًا ولا يحوي مسافات</translation>
    </message>
    <message>
      <source>label {label!r}: unknown layer {layer!r}</source>
      <translation>الوسم {label!r}: طبقة مجهولة {layer!r}</translation>
    </message>
    <message>
      <source>label {label!r}: colour {colour!r} is not #rrggbb</source>
      <translation>الوسم {label!r}: اللون {colour!r} ليس على صيغة ‎#rrggbb</translation>
    </message>
    <message>
      <source>label {label!r}: 'roles' maps role names to lists</source>
      <translation>الوسم {label!r}: يربط 'roles' أسماء الأدوار بقوائم</translation>
    </message>
    <message>
      <source>'version' must be a whole number, not {version!r}</source>
      <translation>يجب أن يكون 'version' عددًا صحيحًا، لا {version!r}</translation>
    </message>
    <message>
      <source>'title' must map languages to titles</source>
      <translation>يجب أن يربط 'title' اللغات بالعناوين</translation>
    </message>
    <message>
      <source>{key!r} must map each name to an object of names by language (such as {{"ar": "…"}})</source>
      <translation>يجب أن يربط {key!r} كل اسم بكائن فيه الأسماء بكل لغة (مثل {{"ar": "…"}})</translation>
    </message>
    <message>
      <source>'attributes' must be a list</source>
      <translation>يجب أن يكون 'attributes' قائمة</translation>
    </message>
    <message>
      <source>'layers' must be an object</source>
      <translation>يجب أن يكون 'layers' كائنًا</translation>
    </message>
    <message>
      <source>a schema is a JSON object with a 'labels' list</source>
      <translation>المخطط كائن JSON فيه قائمة 'labels'</translation>
    </message>
    <message>
      <source>cannot add the label {label!r}: label names hold no spaces</source>
      <translation>تعذّرت إضافة الوسم {label!r}: لا تحوي أسماء الوسوم مسافات</translation>
    </message>
    <message>
      <source>each attribute needs a 'name'</source>
      <translation>تحتاج كل خاصية إلى 'name'</translation>
    </message>
    <message>
      <source>attribute {name!r}: 'values' must be a list</source>
      <translation>الخاصية {name!r}: يجب أن يكون 'values' قائمة</translation>
    </message>
    <message>
      <source>label {label!r} is defined twice</source>
      <translation>الوسم {label!r} معرَّف مرتين</translation>
    </message>
    <message>
      <source>not valid JSON: {reason}</source>
      <translation>ليس JSON صالحًا: {reason}</translation>
    </message>
    <message>
      <source>role {label}/{role} names unknown filler label {filler!r}</source>
      <translation>الدور {label}/{role} يذكر وسمًا مجهولًا لمن يشغله: {filler!r}</translation>
    </message>
    <message>
      <source>no schema file here; shipped schemas are: {shipped}</source>
      <translation>لا يوجد ملف مخطط هنا؛ المخططات المرفقة بالبرنامج: {shipped}</translation>
    </message>
    <message>
      <source>a schema file must be UTF-8</source>
      <translation>يجب أن يكون ملف المخطط بترميز UTF-8</translation>
    </message>
    <message>
      <source>document is already in the search index</source>
      <translation>المستند موجود في فهرس البحث من قبل</translation>
    </message>
    <message>
      <source>document is not in the search index</source>
      <translation>المستند غير موجود في فهرس البحث</translation>
    </message>
    <message>
      <source>the suggestion belongs to another document</source>
      <translation>الاقتراح يخصّ مستندًا آخر</translation>
    </message>
    <message>
      <source>span {id} ({start}-{end}, {label})</source>
      <translation>المقطع {id} ({start}-{end}، {label})</translation>
    </message>
    <message>
      <source>unknown attribute {name!r}; the schema {schema!r} has {known} (use --add-labels to add it)</source>
      <translation>خاصية مجهولة {name!r}؛ في المخطط {schema!r}: {known} (لإضافتها اختر «إضافة الوسوم المجهولة إلى المخطط» عند الاستيراد)</translation>
    </message>
    <message>
      <source>spans {span} and {other} overlap, and the schema does not let {layer} spans overlap</source>
      <translation>المقطعان {span} و{other} متداخلان، والمخطط لا يسمح بتداخل مقاطع الطبقة {layer}</translation>
    </message>
    <message>
      <source>event {id} ({type})</source>
      <translation>الحدث {id} ({type})</translation>
    </message>
    <message>
      <source>role {role!r} is not a role of {type} (roles: {roles})</source>
      <translation>{role!r} ليس من أدوار {type} (الأدوار: {roles})</translation>
    </message>
    <message>
      <source>event ids must be unique</source>
      <translation>يجب ألّا تتكرر معرّفات الأحداث</translation>
    </message>
    <message>
      <source>attribution ids must be unique</source>
      <translation>يجب ألّا تتكرر معرّفات الإسنادات</translation>
    </message>
    <message>
      <source>unknown attribute {name!r}; the schema {schema!r} has no attributes (use --add-labels to add it)</source>
      <translation>خاصية مجهولة {name!r}؛ ليس في المخطط {schema!r} أي خاصية (لإضافتها اختر «إضافة الوسوم المجهولة إلى المخطط» عند الاستيراد)</translation>
    </message>
    <message>
      <source>role {role!r} is not a role of {type} (roles: none)</source>
      <translation>{role!r} ليس من أدوار {type} (لا أدوار له)</translation>
    </message>
    <message>
      <source>span ids must be unique within an annotator's document</source>
      <translation>يجب ألّا تتكرر معرّفات المقاطع في مستند الموسِّم الواحد</translation>
    </message>
    <message>
      <source>offsets must be whole numbers</source>
      <translation>يجب أن تكون المواضع أعدادًا صحيحة</translation>
    </message>
    <message>
      <source>offsets {start}-{end} are outside the text (0-{size}) or empty</source>
      <translation>الموضعان {start}-{end} خارج النص (0-{size}) أو يحدّان مقطعًا فارغًا</translation>
    </message>
    <message>
      <source>unknown label {label!r}; the schema {schema!r} has {known} (use --add-labels to add it)</source>
      <translation>وسم مجهول {label!r}؛ في المخطط {schema!r}: {known} (لإضافته اختر «إضافة الوسوم المجهولة إلى المخطط» عند الاستيراد)</translation>
    </message>
    <message>
      <source>attributes must be an object</source>
      <translation>يجب أن تكون الخصائص كائنًا</translation>
    </message>
    <message>
      <source>unknown event type {type!r}</source>
      <translation>نوع حدث مجهول {type!r}</translation>
    </message>
    <message>
      <source>trigger {trigger!r} is not a span</source>
      <translation>المُطلِق {trigger!r} ليس مقطعًا</translation>
    </message>
    <message>
      <source>trigger {trigger} is labelled {label}, not {type}</source>
      <translation>وسم المُطلِق {trigger} هو {label}، لا {type}</translation>
    </message>
    <message>
      <source>an attribution needs at least one of source, cue, content</source>
      <translation>يحتاج الإسناد إلى واحد على الأقل من: المصدر، فعل الإسناد، المحتوى</translation>
    </message>
    <message>
      <source>the text holds the control character {code} at character {offset}; a text may hold tabs and line breaks but no other control characters</source>
      <translation>في النص محرف التحكم {code} عند المحرف {offset}؛ يجوز أن يحوي النص علامات الجدولة وفواصل الأسطر دون غيرها من محارف التحكم</translation>
    </message>
    <message>
      <source>attribute {name!r} is declared for the {declared} layer, not the {layer} layer (use --add-labels to import it all the same; brat cannot hold it there)</source>
      <translation>الخاصية {name!r} معرَّفة لطبقة {declared} لا لطبقة {layer} (لاستيرادها مع ذلك اختر «إضافة الوسوم المجهولة إلى المخطط» عند الاستيراد؛ ولا يحفظها brat هناك)</translation>
    </message>
    <message>
      <source>argument {role} points at missing span {span!r}</source>
      <translation>المعمول {role} يشير إلى مقطع غير موجود {span!r}</translation>
    </message>
    <message>
      <source>a {label} span ({span}) cannot fill {role}; allowed: {allowed}</source>
      <translation>لا يشغل مقطع {label} ({span}) الدور {role}؛ المسموح: {allowed}</translation>
    </message>
    <message>
      <source>{part} {span!r} is not a span</source>
      <translation>{part} {span!r} ليس مقطعًا</translation>
    </message>
    <message>
      <source>the {part} must be a {expected} span, not {label}</source>
      <translation>يجب أن يكون {part} مقطعًا موسومًا بـ{expected}، لا {label}</translation>
    </message>
    <message>
      <source>the source must be an entity or {expected} span, not {label}</source>
      <translation>يجب أن يكون المصدر كيانًا أو مقطعًا موسومًا بـ{expected}، لا {label}</translation>
    </message>
    <message>
      <source>attribute {name}={value!r} is not one of {values}</source>
      <translation>قيمة الخاصية {name}={value!r} ليست من بين: {values}</translation>
    </message>
    <message>
      <source>event id {id} is used twice</source>
      <translation>معرّف الحدث {id} مستعمل مرتين</translation>
    </message>
    <message>
      <source>attribution id {id} is used twice</source>
      <translation>معرّف الإسناد {id} مستعمل مرتين</translation>
    </message>
    <message>
      <source>table {table}, row ({row}), field {field}</source>
      <translation>الجدول {table}، الصف ({row})، الحقل {field}</translation>
    </message>
    <message>
      <source>{before}, {after}</source>
      <translation>{before}، {after}</translation>
    </message>
    <message>
      <source>{where}: {message}</source>
      <translation>{where}: {message}</translation>
    </message>
    <message>
      <source>document {document!r}</source>
      <translation>المستند {document!r}</translation>
    </message>
    <message>
      <source>{file}:{line}</source>
      <translation>{file}، السطر {line}</translation>
    </message>
    <message>
      <source>{id}: an attribution has one {part}, not two</source>
      <translation>{id}: للإسناد {part} واحد لا اثنان</translation>
    </message>
    <message>
      <source>equivalence lines (*) are not supported: our spans have no equivalence sets; remove the line to import the rest</source>
      <translation>أسطر التكافؤ (*) غير مدعومة: لا مجموعات تكافؤ لمقاطعنا؛ احذف السطر لاستيراد الباقي</translation>
    </message>
    <message>
      <source>{id} refers to {ref}, which is not defined in this file</source>
      <translation>{id} يشير إلى {ref}، وهو غير معرَّف في هذا الملف</translation>
    </message>
    <message>
      <source>a brat path is a .txt file, a .ann file or a folder</source>
      <translation>مسار brat ملف ‎.txt أو ملف ‎.ann أو مجلد</translation>
    </message>
    <message>
      <source>the text file {name} is missing</source>
      <translation>ملف النص {name} غير موجود</translation>
    </message>
    <message>
      <source>no such file</source>
      <translation>لا يوجد هذا الملف</translation>
    </message>
    <message>
      <source>a T line is 'T1&lt;TAB&gt;LABEL START END&lt;TAB&gt;text', not {line!r}</source>
      <translation>سطر T على شكل 'T1&lt;TAB&gt;LABEL START END&lt;TAB&gt;text'، لا {line!r}</translation>
    </message>
    <message>
      <source>an {kind} line is '{shape}', not {line!r}</source>
      <translation>سطر {kind} على شكل '{shape}'، لا {line!r}</translation>
    </message>
    <message>
      <source>an A line is 'A1&lt;TAB&gt;Name TARGET [VALUE]', not {line!r}</source>
      <translation>سطر A على شكل 'A1&lt;TAB&gt;Name TARGET [VALUE]'، لا {line!r}</translation>
    </message>
    <message>
      <source>{id}: the text field {text!r} is not the text at its offsets, {expected!r}</source>
      <translation>{id}: حقل النص {text!r} ليس النص الواقع في مواضعه، {expected!r}</translation>
    </message>
    <message>
      <source>{id} is discontinuous ({offsets}) and the schema does not allow discontinuous spans; join its fragments in brat, or allow them (the outer range {start}-{end} is then kept)</source>
      <translation>{id} متقطّع ({offsets}) والمخطط لا يسمح بالمقاطع المتقطّعة؛ صِل أجزاءه في brat، أو اسمح بها (فيُحفظ المدى الخارجي {start}-{end})</translation>
    </message>
    <message>
      <source>{id} refers to {ref}, which is not a text span (T); only spans can be triggers, arguments or attribution parts here</source>
      <translation>{id} يشير إلى {ref}، وهو ليس مقطعًا نصيًا (T)؛ لا يكون المُطلِق والمعمول وأجزاء الإسناد هنا إلا مقاطع</translation>
    </message>
    <message>
      <source>no .txt files in this folder or its subfolders</source>
      <translation>لا ملفات ‎.txt في هذا المجلد ولا في مجلداته الفرعية</translation>
    </message>
    <message>
      <source>the status {status!r} is not one of {known}</source>
      <translation>الحالة {status!r} ليست من بين: {known}</translation>
    </message>
    <message>
      <source>{id} is defined twice (first on line {first})</source>
      <translation>{id} معرَّف مرتين (أول مرة في السطر {first})</translation>
    </message>
    <message>
      <source>cannot read this line (brat lines start with T, E, R, A, # or N): {line!r}</source>
      <translation>تعذّرت قراءة هذا السطر (تبدأ أسطر brat بأحد الرموز T أو E أو R أو A أو # أو N): {line!r}</translation>
    </message>
    <message>
      <source>the note is on {id}, which is not defined in this file</source>
      <translation>الملاحظة على {id}، وهو غير معرَّف في هذا الملف</translation>
    </message>
    <message>
      <source>{id}: an offset has too many digits</source>
      <translation>{id}: في أحد المواضع أرقام كثيرة جدًا</translation>
    </message>
    <message>
      <source>{id}: offsets {start}-{end} are outside the text (0-{size})</source>
      <translation>{id}: الموضعان {start}-{end} خارج النص (0-{size})</translation>
    </message>
    <message>
      <source>{id}: an attribution takes Source, Cue and Content, not {role!r}</source>
      <translation>{id}: أجزاء الإسناد هي Source وCue وContent، لا {role!r}</translation>
    </message>
    <message>
      <source>{id}: relations of type {type!r} are not supported (only {supported} relations are)</source>
      <translation>{id}: العلاقات من نوع {type!r} غير مدعومة (المدعوم علاقات {supported} وحدها)</translation>
    </message>
    <message>
      <source> and {count} more</source>
      <translation> و{count} غيرها</translation>
    </message>
    <message>
      <source>1 brat note (#) line</source>
      <translation>سطر ملاحظة واحد من brat (#)</translation>
    </message>
    <message>
      <source>{count} brat note (#) lines</source>
      <translation>{count} من أسطر ملاحظات brat (#)</translation>
    </message>
    <message>
      <source>1 brat normalisation (N) line</source>
      <translation>سطر ربط مرجعي واحد من brat (N)</translation>
    </message>
    <message>
      <source>{count} brat normalisation (N) lines</source>
      <translation>{count} من أسطر الربط المرجعي في brat (N)</translation>
    </message>
    <message>
      <source>{lines} not imported (the project has no place for them), in {files}: {shown}{more}</source>
      <translation>لم يُستورد {lines} (لا مكان لها في المشروع)، في {files}: {shown}{more}</translation>
    </message>
    <message>
      <source>attribute {name}: its target {target} is not a span, event or attribution</source>
      <translation>الخاصية {name}: هدفها {target} ليس مقطعًا ولا حدثًا ولا إسنادًا</translation>
    </message>
    <message>
      <source>attribute {name}: its target {target} is not defined in this file</source>
      <translation>الخاصية {name}: هدفها {target} غير معرَّف في هذا الملف</translation>
    </message>
    <message>
      <source>{name} ({count})</source>
      <translation>{name} ({count})</translation>
    </message>
    <message>
      <source>1 file</source>
      <translation>ملف واحد</translation>
    </message>
    <message>
      <source>{count} files</source>
      <translation>{count} من الملفات</translation>
    </message>
    <message>
      <source>annotator {name!r} is written as {written!r}: a file name cannot be {name!r} here</source>
      <translation>كُتب الموسِّم {name!r} باسم {written!r}: لا يصلح {name!r} اسمًا لملف هنا</translation>
    </message>
    <message>
      <source>document {name!r} is written as {written!r}: a file name cannot be {name!r} here</source>
      <translation>كُتب المستند {name!r} باسم {written!r}: لا يصلح {name!r} اسمًا لملف هنا</translation>
    </message>
    <message>
      <source>annotator {name!r} is written as {written!r}: the name is too long for a file name</source>
      <translation>يُكتب الموسِّم {name!r} باسم {written!r}: الاسم أطول مما يتسع له اسم ملف</translation>
    </message>
    <message>
      <source>document {name!r} is written as {written!r}: the name is too long for a file name</source>
      <translation>يُكتب المستند {name!r} باسم {written!r}: الاسم أطول مما يتسع له اسم ملف</translation>
    </message>
    <message>
      <source>{document}: the text has CR line breaks; brat counts CR LF as one character (nlplab/brat#853), so brat shows its spans shifted</source>
      <translation>{document}: في النص فواصل أسطر CR؛ ويعدّ brat الزوج CR LF حرفًا واحدًا (nlplab/brat#853)، فيُظهر مقاطعه مُزاحة</translation>
    </message>
    <message>
      <source>{where}: {count} note(s) on the document left out: brat's AnnotatorNotes hang on an annotation (JSONL keeps them)</source>
      <translation>{where}: تُركت ملاحظات المستند (العدد: {count})، إذ تتعلق ملاحظات AnnotatorNotes في brat بوسم (ويحفظها JSONL)</translation>
    </message>
    <message>
      <source>{where}: span {span} ({start}-{end}) is outside the text; left out</source>
      <translation>{where}: المقطع {span} ({start}-{end}) خارج النص؛ تُرك</translation>
    </message>
    <message>
      <source>{where}: span {span} holds only line breaks, which brat cannot show; left out</source>
      <translation>{where}: المقطع {span} لا يحوي إلا فواصل أسطر لا يستطيع brat إظهارها؛ تُرك</translation>
    </message>
    <message>
      <source>{where}: span {span} starts or ends with a line break, which brat cannot show; written without it</source>
      <translation>{where}: المقطع {span} يبدأ بفاصل سطر أو ينتهي به، ولا يستطيع brat إظهاره؛ كُتب دونه</translation>
    </message>
    <message>
      <source>{where}: event {event} is left out: its trigger {trigger} was not written</source>
      <translation>{where}: تُرك الحدث {event}، إذ لم يُكتب مُطلِقه {trigger}</translation>
    </message>
    <message>
      <source>{where}: attribution {attribution} has no span to write; left out</source>
      <translation>{where}: الإسناد {attribution} بلا مقطع يُكتب؛ تُرك</translation>
    </message>
    <message>
      <source>{where}: event {event} loses its {role} {span}, which was not written</source>
      <translation>{where}: يفقد الحدث {event} معموله {role} ‏{span}، إذ لم يُكتب</translation>
    </message>
    <message>
      <source>{where}: attribution {attribution} loses its {part} {span}, which was not written</source>
      <translation>{where}: يفقد الإسناد {attribution} {part} ‏{span}، إذ لم يُكتب</translation>
    </message>
    <message>
      <source>{where}: attribute {name}={value!r} of {id} is left out: the schema does not declare it for the {layer} layer, so annotation.conf cannot allow it there and brat would mark it as an error (JSONL keeps it)</source>
      <translation>{where}: تُركت الخاصية {name}={value!r} لـ{id}: لا يعرّفها المخطط لطبقة {layer}، فلا يستطيع annotation.conf إجازتها هناك، وسيعدّها brat خطأً (ويحفظها JSONL)</translation>
    </message>
    <message>
      <source>{where}: attribute {name}={value!r} of {id} cannot be written in brat; left out</source>
      <translation>{where}: لا يمكن كتابة الخاصية {name}={value!r} لـ{id} في brat؛ تُركت</translation>
    </message>
    <message>
      <source>1 span was</source>
      <translation>مقطع واحد</translation>
    </message>
    <message>
      <source>{count} spans were</source>
      <translation>{count} من المقاطع</translation>
    </message>
    <message>
      <source>empty file: there are no tokens to import</source>
      <translation>ملف فارغ: لا كلمات للاستيراد</translation>
    </message>
    <message>
      <source>token {token!r} has no tag: each line needs a token and a tag, separated by a tab or spaces</source>
      <translation>الكلمة {token!r} بلا وسم: يحتاج كل سطر إلى كلمة ووسم بينهما مسافة جدولة أو مسافات</translation>
    </message>
    <message>
      <source>this line has {count} tag columns, the lines before it {before}; every line needs one tag per layer</source>
      <translation>في هذا السطر {count} من أعمدة الوسوم، وفي الأسطر التي قبله {before}؛ يحتاج كل سطر إلى وسم واحد لكل طبقة</translation>
    </message>
    <message>
      <source>{count} event arguments</source>
      <translation>{count} من معمولات الأحداث</translation>
    </message>
    <message>
      <source>{count} attributions (source-cue-content links)</source>
      <translation>{count} من الإسنادات (روابط المصدر وفعل الإسناد والمحتوى)</translation>
    </message>
    <message>
      <source>1 note</source>
      <translation>ملاحظة واحدة</translation>
    </message>
    <message>
      <source>{count} notes</source>
      <translation>{count} من الملاحظات</translation>
    </message>
    <message>
      <source>1 document: {names}{more}</source>
      <translation>مستند واحد: {names}{more}</translation>
    </message>
    <message>
      <source>{count} documents: {names}{more}</source>
      <translation>{count} من المستندات: {names}{more}</translation>
    </message>
    <message>
      <source>CoNLL tags spans only, so these were not exported: {kinds}</source>
      <translation>لا يَسِم CoNLL إلا المقاطع، فلم يُصدَّر ما يلي: {kinds}</translation>
    </message>
    <message>
      <source>{spans} not exported, being in layers not asked for with --layer: {layers}</source>
      <translation>لم يُصدَّر {spans} من طبقات لم تُختر للتصدير: {layers}</translation>
    </message>
    <message>
      <source>{spans} left out because a BIO column cannot hold overlapping spans of one layer (the outer span was kept), in {documents}</source>
      <translation>تُرك {spans}، إذ لا يتسع عمود BIO لمقاطع متداخلة من طبقة واحدة (أُبقي المقطع الخارجي)، في {documents}</translation>
    </message>
    <message>
      <source>{spans} not exported, as the schema does not know the label: {labels}</source>
      <translation>لم يُصدَّر {spans}، لأن المخطط لا يعرف الوسم: {labels}</translation>
    </message>
    <message>
      <source>{spans} dropped for covering no whole token ({align} alignment), in {documents}</source>
      <translation>أُسقط {spans} لعدم تغطية أي رمز كامل (المحاذاة: {align})، في {documents}</translation>
    </message>
    <message>
      <source>{spans} dropped for covering no token ({align} alignment), in {documents}</source>
      <translation>أُسقط {spans} لعدم تغطية أي رمز (المحاذاة: {align})، في {documents}</translation>
    </message>
    <message>
      <source>empty file: no JSON lines</source>
      <translation>ملف فارغ: لا أسطر JSON فيه</translation>
    </message>
    <message>
      <source>each line must be a JSON object</source>
      <translation>يجب أن يكون كل سطر كائن JSON</translation>
    </message>
    <message>
      <source>'text' must be a non-empty string</source>
      <translation>يجب أن يكون 'text' نصًا غير فارغ</translation>
    </message>
    <message>
      <source>'meta' must be an object</source>
      <translation>يجب أن يكون 'meta' كائنًا</translation>
    </message>
    <message>
      <source>'annotator' must be a non-empty string</source>
      <translation>يجب أن يكون 'annotator' نصًا غير فارغ</translation>
    </message>
    <message>
      <source>relation {relation}: from_id and to_id must be ids of the line's 'entities'</source>
      <translation>العلاقة {relation}: يجب أن يكون from_id وto_id من معرّفات 'entities' في السطر</translation>
    </message>
    <message>
      <source>relation {relation}: 'type' must be a non-empty string</source>
      <translation>العلاقة {relation}: يجب أن يكون 'type' نصًا غير فارغ</translation>
    </message>
    <message>
      <source>span {span}: start and end must be whole numbers</source>
      <translation>المقطع {span}: يجب أن تكون البداية والنهاية عددين صحيحين</translation>
    </message>
    <message>
      <source>span {span}: 'label' must be a non-empty string</source>
      <translation>المقطع {span}: يجب أن يكون 'label' نصًا غير فارغ</translation>
    </message>
    <message>
      <source>span {span}: offsets {start}-{end} are outside the text (0-{size}) or empty</source>
      <translation>المقطع {span}: الموضعان {start}-{end} خارج النص (0-{size}) أو يحدّان مقطعًا فارغًا</translation>
    </message>
    <message>
      <source>span {span}: its 'text' {text!r} does not match the document at {start}-{end} ({found!r})</source>
      <translation>المقطع {span}: نصّه في 'text' وهو {text!r} لا يطابق المستند في {start}-{end} ({found!r})</translation>
    </message>
    <message>
      <source>span {span}: 'attributes' must be an object</source>
      <translation>المقطع {span}: يجب أن يكون 'attributes' كائنًا</translation>
    </message>
    <message>
      <source>event {event}: 'arguments' must be a list</source>
      <translation>الحدث {event}: يجب أن يكون 'arguments' قائمة</translation>
    </message>
    <message>
      <source>an attribution needs a string 'id'</source>
      <translation>يحتاج الإسناد إلى نص في 'id'</translation>
    </message>
    <message>
      <source>'tokens' has offsets outside the text</source>
      <translation>في 'tokens' مواضع خارج النص</translation>
    </message>
    <message>
      <source>'{key}' must be a list of objects</source>
      <translation>يجب أن يكون '{key}' قائمة من الكائنات</translation>
    </message>
    <message>
      <source>'attributes' must be an object</source>
      <translation>يجب أن يكون 'attributes' كائنًا</translation>
    </message>
    <message>
      <source>{count} Prodigy tasks not accepted were not imported (answers: {answers}); only 'accept' tasks become labels</source>
      <translation>لم تُستورد مهام Prodigy غير المقبولة (العدد: {count}؛ الأجوبة: {answers})؛ لا تصير وسومًا إلا مهام 'accept'</translation>
    </message>
    <message>
      <source>malformed JSON: {reason} at column {column}</source>
      <translation>JSON غير سليم: {reason} في العمود {column}</translation>
    </message>
    <message>
      <source>malformed JSON: nested too deeply</source>
      <translation>JSON غير سليم: تداخل عميق جدًا</translation>
    </message>
    <message>
      <source>malformed JSON: a number has too many digits</source>
      <translation>JSON غير سليم: في أحد الأعداد أرقام كثيرة جدًا</translation>
    </message>
    <message>
      <source>unknown status {status!r}; use new, in_progress or done</source>
      <translation>حالة مجهولة {status!r}؛ استعمل new أو in_progress أو done</translation>
    </message>
    <message>
      <source>each '{key}' item must be [start, end, label]</source>
      <translation>يجب أن يكون كل عنصر في '{key}' على شكل [start, end, label]</translation>
    </message>
    <message>
      <source>an event needs a string '{key}'</source>
      <translation>يحتاج الحدث إلى نص في '{key}'</translation>
    </message>
    <message>
      <source>event {event}: each argument needs 'role' and 'span'</source>
      <translation>الحدث {event}: يحتاج كل معمول إلى 'role' و'span'</translation>
    </message>
    <message>
      <source>attribution {attribution}: '{part}' must be a span id</source>
      <translation>الإسناد {attribution}: يجب أن يكون '{part}' معرّف مقطع</translation>
    </message>
    <message>
      <source>'tokens' must be a list of sentences of [start, end] pairs</source>
      <translation>يجب أن يكون 'tokens' قائمة جمل من أزواج [start, end]</translation>
    </message>
    <message>
      <source>relation {relation}: the {label} span has two {kind} relations</source>
      <translation>العلاقة {relation}: للمقطع {label} علاقتان من نوع {kind}</translation>
    </message>
    <message>
      <source>the line holds a lone surrogate escape ({code}), which is not a character; the file was written with broken escaping (a pair such as \ud83d\ude00 is fine)</source>
      <translation>في السطر رمز بديل منفرد ({code})، وهو ليس حرفًا؛ كُتب الملف بتهريب معطوب (أما الزوج مثل \ud83d\ude00 فسليم)</translation>
    </message>
    <message>
      <source>free some space or export to another disk</source>
      <translation>حرِّر بعض المساحة أو صدِّر إلى قرص آخر</translation>
    </message>
    <message>
      <source>export to a folder you can write to</source>
      <translation>صدِّر إلى مجلد تملك الكتابة فيه</translation>
    </message>
    <message>
      <source>the folder holds no file to import (.txt, .ann, .jsonl, .conll)</source>
      <translation>لا يحوي المجلد ملفًّا يُستورد (‎.txt و‎.ann و‎.jsonl و‎.conll)</translation>
    </message>
    <message>
      <source>cannot tell the format from the file name; use --format</source>
      <translation>تعذّر تمييز الصيغة من اسم الملف؛ اختر الصيغة</translation>
    </message>
    <message>
      <source>the project has several annotators ({annotators}); CoNLL holds one annotator's tags: choose one with --annotator</source>
      <translation>في المشروع عدة موسِّمين ({annotators})؛ لا يحمل CoNLL إلا وسوم موسِّم واحد: اختر واحدًا منهم</translation>
    </message>
    <message>
      <source>the disk quota is used up</source>
      <translation>نفدت حصّة القرص</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>القرص ممتلئ</translation>
    </message>
    <message>
      <source>the file system is read-only</source>
      <translation>نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
      <source>export to a writable folder</source>
      <translation>صدِّر إلى مجلد قابل للكتابة</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>الإذن مرفوض</translation>
    </message>
    <message>
      <source>the folder holds files of several formats ({formats}); use --format</source>
      <translation>يحوي المجلد ملفات بأكثر من صيغة ({formats})؛ استعمل ‎--format</translation>
    </message>
    <message>
      <source>no such file or folder</source>
      <translation>لا يوجد هذا الملف أو المجلد</translation>
    </message>
    <message>
      <source>the stored text no longer matches its SHA-256; restore a backup</source>
      <translation>لم يعد النص المحفوظ يطابق بصمته SHA-256؛ استعد نسخة احتياطية</translation>
    </message>
    <message>
      <source>{annotator}'s work does not fit the project's schema ({reason}); the project file was changed outside the app or is damaged; restore a backup</source>
      <translation>عمل {annotator} لا يوافق مخطط المشروع ({reason})؛ غُيِّر ملف المشروع خارج البرنامج أو هو تالف؛ استعِد نسخة احتياطية</translation>
    </message>
    <message>
      <source>span {span} of {annotator} has offsets {start!r}-{end!r}, outside the text (0-{size}); the project file was changed outside the app or is damaged; restore a backup</source>
      <translation>المقطع {span} للموسِّم {annotator} موضعاه {start!r}-{end!r} خارج النص (0-{size})؛ غُيِّر ملف المشروع خارج البرنامج أو هو تالف؛ استعد نسخة احتياطية</translation>
    </message>
    <message>
      <source>the output folder exists and is not empty; choose another</source>
      <translation>مجلد التصدير موجود وليس فارغًا؛ اختر غيره</translation>
    </message>
    <message>
      <source>{reason}{detail}: cannot write the export {out}; nothing was written; {advice}</source>
      <translation>{reason}{detail}: تعذّرت كتابة التصدير {out}؛ لم يُكتب شيء؛ {advice}</translation>
    </message>
    <message>
      <source> ({reason})</source>
      <translation> ({reason})</translation>
    </message>
    <message>
      <source>unknown format {format!r}; use one of {known}</source>
      <translation>صيغة مجهولة {format!r}؛ استعمل إحدى الصيغ: {known}</translation>
    </message>
    <message>
      <source>cannot export to {format!r}; use one of {known}</source>
      <translation>لا يمكن التصدير إلى {format!r}؛ استعمل إحدى الصيغ: {known}</translation>
    </message>
    <message>
      <source>try another folder</source>
      <translation>جرِّب مجلدًا آخر</translation>
    </message>
    <message>
      <source>{count} spans start or end inside one of spaCy's tokens; those tokens were cut there ({align} alignment), offsets unchanged</source>
      <translation>{count} من المقاطع تبدأ أو تنتهي داخل أحد رموز spaCy؛ فقُطعت تلك الرموز عندها (المحاذاة: {align})، ولم تتغير المواضع</translation>
    </message>
    <message>
      <source>{count} spans did not fall on spaCy's token boundaries and were moved to them ({align} alignment)</source>
      <translation>{count} من المقاطع لم تقع على حدود رموز spaCy فنُقلت إليها (المحاذاة: {align})</translation>
    </message>
    <message>
      <source>{count} spans were dropped for covering no whole token ({align} alignment)</source>
      <translation>أُسقط {count} من المقاطع لعدم تغطية أي رمز كامل (المحاذاة: {align})</translation>
    </message>
    <message>
      <source>{count} entity spans inside or across others are in {group} only: {entities} holds the outermost</source>
      <translation>{count} من مقاطع الكيانات داخل غيرها أو متقاطعة معها موجودة في {group} وحدها: لا يحفظ {entities} إلا أبعدها</translation>
    </message>
    <message>
      <source>a .spacy file has no place for these, which were not exported: {kinds}</source>
      <translation>لا مكان في ملف .spacy لما يلي، فلم يُصدَّر: {kinds}</translation>
    </message>
    <message>
      <source>if it is Windows Arabic, use --encoding cp1256</source>
      <translation>إن كان الملف بترميز ويندوز العربي فاختر الترميز cp1256</translation>
    </message>
    <message>
      <source>this is a folder, and this format reads files: name the files to import, e.g. {example}</source>
      <translation>هذا مجلد، وهذه الصيغة تقرأ ملفات: اختر الملفات المراد استيرادها، مثل {example}</translation>
    </message>
    <message>
      <source>cannot decode byte 0x{byte} as {encoding}</source>
      <translation>تعذّرت قراءة البايت 0x{byte} بترميز {encoding}</translation>
    </message>
    <message>
      <source>this is a folder, and this format reads files; the folder holds none to import</source>
      <translation>هذا مجلد، وهذه الصيغة تقرأ ملفات؛ وليس في المجلد ملف يُستورد</translation>
    </message>
    <message>
      <source>the file looks like UTF-16 without a BOM (it reads as text full of NUL and control characters); import it with --encoding {encoding}</source>
      <translation>يبدو أن الملف بترميز UTF-16 بلا علامة ترتيب البايتات (BOM)، فيُقرأ نصًّا مليئًا بمحارف NUL ومحارف التحكم؛ استورده باختيار الترميز {encoding}</translation>
    </message>
    <message>
      <source>cannot decode byte 0x{byte} as {encoding}; {hint}</source>
      <translation>تعذّرت قراءة البايت 0x{byte} بترميز {encoding}؛ {hint}</translation>
    </message>
    <message>
      <source>unknown encoding {name!r}</source>
      <translation>ترميز مجهول {name!r}</translation>
    </message>
    <message>
      <source>column {column} holds the control character {code}; a text may hold tabs and line breaks but no other control characters</source>
      <translation>في العمود {column} محرف التحكم {code}؛ يجوز أن يحوي النص علامات الجدولة وفواصل الأسطر دون غيرها من محارف التحكم</translation>
    </message>
    <message>
      <source>the line holds a NUL byte, which is no text</source>
      <translation>في السطر بايت NUL، وهو ليس نصًّا</translation>
    </message>
    <message>
      <source>{count} events</source>
      <translation>{count} من الأحداث</translation>
    </message>
    <message>
      <source>{count} attributions</source>
      <translation>{count} من الإسنادات</translation>
    </message>
    <message>
      <source>{count} attributes</source>
      <translation>{count} من السمات</translation>
    </message>
    <message>
      <source>{count} events without arguments (their trigger span is kept)</source>
      <translation>{count} من الأحداث بلا معمولات (حُفظ مقطع المُطلِق)</translation>
    </message>
    <message>
      <source>{count} attributions with one part only (its span is kept)</source>
      <translation>{count} من الإسنادات بجزء واحد فقط (حُفظ مقطعه)</translation>
    </message>
    <message>
      <source>doccano sequence labelling has no place for these, which were not exported: {kinds} (--format doccano-relations keeps events and attributions)</source>
      <translation>لا مكان في وسم التسلسل في doccano لما يلي، فلم يُصدَّر: {kinds} (التصدير بصيغة doccano-relations يحفظ الأحداث والإسنادات)</translation>
    </message>
    <message>
      <source>doccano relation extraction has no place for these, which were not exported: {kinds}</source>
      <translation>لا مكان في استخراج العلاقات في doccano لما يلي، فلم يُصدَّر: {kinds}</translation>
    </message>
    <message>
      <source>Prodigy's span task has no place for these, which were not exported: {kinds}</source>
      <translation>لا مكان في مهمة المقاطع في Prodigy لما يلي، فلم يُصدَّر: {kinds}</translation>
    </message>
    <message>
      <source>{count} spans were moved to token boundaries ({align} alignment)</source>
      <translation>نُقل {count} من المقاطع إلى حدود الرموز (المحاذاة: {align})</translation>
    </message>
    <message>
      <source>{count} spans were dropped for covering no token ({align} alignment)</source>
      <translation>أُسقط {count} من المقاطع لعدم تغطية أي رمز (المحاذاة: {align})</translation>
    </message>
    <message>
      <source>the folder holds no .txt files</source>
      <translation>لا ملفات ‎.txt في المجلد</translation>
    </message>
    <message>
      <source>empty file: there is no text to import</source>
      <translation>ملف فارغ: لا نص للاستيراد</translation>
    </message>
    <message>
      <source>camel-tools' data catalogue is missing ({catalogue}) and loading the model would download it; run: {command}</source>
      <translation>فهرس بيانات camel-tools مفقود ({catalogue})، وتحميل النموذج سيُنزّله؛ شغّل: {command}</translation>
    </message>
    <message>
      <source>the NER model is installed in {path}</source>
      <translation>نموذج التعرف على الكيانات مثبت في {path}</translation>
    </message>
    <message>
      <source>camel-tools' NER model is not installed (looked in {path}); install it with: {command}</source>
      <translation>نموذج التعرف على الكيانات في camel-tools غير مثبت (بُحث عنه في {path})؛ ثبّته بالأمر: {command}</translation>
    </message>
    <message>
      <source>no NER model in {path} (missing {missing}); choose a folder saved with save_pretrained</source>
      <translation>لا نموذج للتعرف على الكيانات في {path} (ينقص: {missing})؛ اختر مجلدًا حُفظ بـ save_pretrained</translation>
    </message>
    <message>
      <source>{first} or {second}</source>
      <translation>{first} أو {second}</translation>
    </message>
    <message>
      <source>split</source>
      <translation>القطع</translation>
    </message>
    <message>
      <source>expand</source>
      <translation>التوسيع</translation>
    </message>
    <message>
      <source>contract</source>
      <translation>التضييق</translation>
    </message>
    <message>
      <source>tag {tag!r} is not O, B-, I-, E-, S-, L- or U- and a label</source>
      <translation>الوسم {tag!r} ليس O ولا وسمًا مسبوقًا بـ B- أو I- أو E- أو S- أو L- أو U-</translation>
    </message>
    <message>
      <source>{tag} follows {previous}: an entity must start with B- (or S-); without --strict this reads as IOB1</source>
      <translation>{tag} يأتي بعد {previous}: يجب أن يبدأ الكيان بـ B- (أو S-)؛ ويُقرأ على أنه IOB1 إن لم يُطلب رفض وسوم I- التي تبدأ كيانًا</translation>
    </message>
    <message>
      <source>{tag} follows the sentence start: an entity must start with B- (or S-); without --strict this reads as IOB1</source>
      <translation>{tag} يأتي في أول الجملة: يجب أن يبدأ الكيان بـ B- (أو S-)؛ ويُقرأ على أنه IOB1 إن لم يُطلب رفض وسوم I- التي تبدأ كيانًا</translation>
    </message>
    <message>
      <source>restore it from File &gt; Restore backup… or with `annotator restore {project}`</source>
      <translation>استعِدها من «ملف &gt; استعادة نسخة احتياطية…» أو بالأمر annotator restore {project}</translation>
    </message>
    <message>
      <source>no sound backup to restore</source>
      <translation>لا نسخة احتياطية سليمة لاستعادتها</translation>
    </message>
    <message>
      <source>; a backup{when} is in {backup}{drops}: {how}</source>
      <translation>؛ توجد نسخة احتياطية{when} في {backup}{drops}: {how}</translation>
    </message>
    <message>
      <source>the project is in use: it is open in {processes}, which would write its own state over the restored one; close it there and restore again (nothing was changed)</source>
      <translation>المشروع قيد الاستعمال: هو مفتوح في {processes}، وستكتب حالتها فوق الحالة المستعادة؛ أغلقه هناك ثم أعد الاستعادة (لم يتغيّر شيء)</translation>
    </message>
    <message>
      <source>restoring it would drop {listed} made or changed since</source>
      <translation>الاستعادة تُسقط {listed} مما صُنع أو غُيِّر بعدها</translation>
    </message>
    <message>
      <source>no sound backup to restore ({reasons})</source>
      <translation>لا نسخة احتياطية سليمة لاستعادتها ({reasons})</translation>
    </message>
    <message>
      <source> from {made}</source>
      <translation> من {made}</translation>
    </message>
    <message>
      <source> ({losses}; the project as it is now is kept as a backup first)</source>
      <translation> ({losses}؛ وتُحفظ حالة المشروع الحالية في نسخة احتياطية أولًا)</translation>
    </message>
    <message>
      <source>the project file is damaged (SQLite's quick_check: {check}); no backup was made, so the older backups are kept as they are</source>
      <translation>ملف المشروع تالف (فحص SQLite السريع: {check})؛ لم تُنشأ نسخة احتياطية، فبقيت النسخ الأقدم كما هي</translation>
    </message>
    <message>
      <source>no such backup</source>
      <translation>لا توجد هذه النسخة الاحتياطية</translation>
    </message>
    <message>
      <source>this file is not a backup of a project</source>
      <translation>هذا الملف ليس نسخة احتياطية لمشروع</translation>
    </message>
    <message>
      <source>this backup was written by a newer version of the app</source>
      <translation>كُتبت هذه النسخة الاحتياطية بإصدار أحدث من البرنامج</translation>
    </message>
    <message>
      <source>the backup is damaged ({check})</source>
      <translation>النسخة الاحتياطية تالفة ({check})</translation>
    </message>
    <message>
      <source>its documents cannot be read</source>
      <translation>تتعذّر قراءة مستنداتها</translation>
    </message>
    <message>
      <source>the text of document {document!r} and {more} more no longer matches its SHA-256 (it was made after the text was damaged)</source>
      <translation>لم يعد نص المستند {document!r} و{more} غيره يطابق بصمته SHA-256 (صُنعت النسخة بعد تلف النص)</translation>
    </message>
    <message>
      <source>the text of document {document!r} no longer matches its SHA-256 (it was made after the text was damaged)</source>
      <translation>لم يعد نص المستند {document!r} يطابق بصمته SHA-256 (صُنعت النسخة بعد تلف النص)</translation>
    </message>
    <message>
      <source>restoring it would drop nothing of the project as it is now</source>
      <translation>الاستعادة لا تُسقط شيئًا من المشروع بحالته الحالية</translation>
    </message>
    <message>
      <source>{listed} and {last}</source>
      <translation>{listed} و{last}</translation>
    </message>
    <message>
      <source>{name}: {problem}</source>
      <translation>{name}: {problem}</translation>
    </message>
    <message>
      <source>could not back up the project ({reason})</source>
      <translation>تعذّر نسخ المشروع احتياطيًا ({reason})</translation>
    </message>
    <message>
      <source>no backup made before the change: {reason}</source>
      <translation>لم تُنشأ نسخة احتياطية قبل التغيير: {reason}</translation>
    </message>
    <message>
      <source>no backup was made when opening the project: {reason}</source>
      <translation>لم تُنشأ نسخة احتياطية عند فتح المشروع: {reason}</translation>
    </message>
    <message>
      <source>cannot write backups to {folder} ({reason})</source>
      <translation>تتعذّر كتابة النسخ الاحتياطية في {folder} ({reason})</translation>
    </message>
    <message>
      <source>cannot write the backup {backup} ({reason})</source>
      <translation>تتعذّر كتابة النسخة الاحتياطية {backup} ({reason})</translation>
    </message>
    <message>
      <source>the backup cannot be read ({reason})</source>
      <translation>تتعذّر قراءة النسخة الاحتياطية ({reason})</translation>
    </message>
    <message>
      <source>nothing was restored: the current state could not be saved first ({first}; then {reason})</source>
      <translation>لم يُستعد شيء: تعذّر حفظ الحالة الحالية أولًا ({first}؛ ثم {reason})</translation>
    </message>
    <message>
      <source>the restore failed ({reason}); the project's earlier state is kept in {folder}</source>
      <translation>فشلت الاستعادة ({reason})؛ الحالة السابقة للمشروع محفوظة في {folder}</translation>
    </message>
    <message>
      <source>1 document</source>
      <translation>مستندًا واحدًا</translation>
    </message>
    <message>
      <source>{count} documents</source>
      <translation>{count} من المستندات</translation>
    </message>
    <message>
      <source>1 span</source>
      <translation>مقطعًا واحدًا</translation>
    </message>
    <message>
      <source>{count} spans</source>
      <translation>{count} من المقاطع</translation>
    </message>
    <message>
      <source>1 event</source>
      <translation>حدثًا واحدًا</translation>
    </message>
    <message>
      <source>1 attribution</source>
      <translation>إسنادًا واحدًا</translation>
    </message>
    <message>
      <source>1 "done" mark</source>
      <translation>علامة «منجز» واحدة</translation>
    </message>
    <message>
      <source>{count} "done" marks</source>
      <translation>{count} من علامات «منجز»</translation>
    </message>
    <message>
      <source>process {pid} ({command})</source>
      <translation>العملية {pid} ({command})</translation>
    </message>
    <message>
      <source>process {pid}</source>
      <translation>العملية {pid}</translation>
    </message>
    <message>
      <source>nothing was restored: the current state could not be saved first ({reason})</source>
      <translation>لم يُستعد شيء: تعذّر حفظ الحالة الحالية أولًا ({reason})</translation>
    </message>
    <message>
      <source>the project is in use: another window or program is writing to it; close it and restore again (nothing was changed)</source>
      <translation>المشروع قيد الاستعمال: تكتب فيه نافذة أخرى أو برنامج آخر؛ أغلقه ثم أعد الاستعادة (لم يتغيّر شيء)</translation>
    </message>
    <message>
      <source>the restore failed ({reason})</source>
      <translation>فشلت الاستعادة ({reason})</translation>
    </message>
    <message>
      <source>no such document</source>
      <translation>لا يوجد هذا المستند</translation>
    </message>
    <message>
      <source>text</source>
      <translation>نص</translation>
    </message>
    <message>
      <source>{name} was not closed properly by process {pid}, which no longer runs, and it has no write-ahead log ({log}): everything in the file is sound; if that process crashed and its log was deleted, its last changes are not here</source>
      <translation>لم تُغلق العمليةُ {pid} الملفَّ {name} كما ينبغي، وهي لم تعد تعمل، وليس له سجلّ كتابة مسبقة ({log}): كل ما في الملف سليم؛ أما إن كانت تلك العملية قد تعطّلت وحُذف سجلّها، فآخر تغييراتها ليست هنا</translation>
    </message>
    <message>
      <source>the project was not closed properly (it was open in process {pid} on {host}) and its write-ahead log {log} is missing, so its last changes may be lost. If you have that file (a copy of a project must include it), put it beside the project and open it again{hint}; to open it as it is, accept the missing log (ProjectStore.open(..., accept_missing_wal=True))</source>
      <translation>لم يُغلق المشروع كما ينبغي (كان مفتوحًا في العملية {pid} على {host}) وسجلّ الكتابة المسبقة {log} مفقود، فقد تضيع آخر تغييراته. إن كان الملف عندك (ونسخة المشروع يجب أن تشمله) فضعه بجانب المشروع وافتحه من جديد{hint}؛ ولفتحه كما هو اقبل فقدان السجل (ProjectStore.open(..., accept_missing_wal=True))</translation>
    </message>
    <message>
      <source>the table {name!r} in the project file is not the one the app creates, so it is not opened</source>
      <translation>الجدول {name!r} في ملف المشروع ليس الجدول الذي ينشئه البرنامج، فلم يُفتح الملف</translation>
    </message>
    <message>
      <source>its folder {folder} is read-only</source>
      <translation>مجلده {folder} للقراءة فقط</translation>
    </message>
    <message>
      <source>cannot read the file ({reason})</source>
      <translation>تتعذّر قراءة الملف ({reason})</translation>
    </message>
    <message>
      <source>the file is empty; it is not a project</source>
      <translation>الملف فارغ؛ ليس مشروعًا</translation>
    </message>
    <message>
      <source>not a project file (not a SQLite database)</source>
      <translation>ليس ملف مشروع (ليس قاعدة بيانات SQLite)</translation>
    </message>
    <message>
      <source>the file is truncated (shorter than a SQLite header)</source>
      <translation>الملف مبتور (أقصر من ترويسة SQLite)</translation>
    </message>
    <message>
      <source>the file is damaged: its header is not valid</source>
      <translation>الملف تالف: ترويسته غير صالحة</translation>
    </message>
    <message>
      <source>the file is truncated: it holds {size:,} bytes of the {announced:,} its header announces, so part of the project is missing</source>
      <translation>الملف مبتور: فيه {size:,} بايت من أصل {announced:,} تعلنها ترويسته، فجزء من المشروع مفقود</translation>
    </message>
    <message>
      <source>this project was written by a newer version of the app (file format {version}, this app knows up to {latest}); update the app</source>
      <translation>كُتب هذا المشروع بإصدار أحدث من البرنامج (صيغة الملف {version}، وهذا البرنامج يعرف حتى الصيغة {latest})؛ حدِّث البرنامج</translation>
    </message>
    <message>
      <source>the project file holds a {kind} {name!r} that the app did not create; a project's file may only hold the app's own tables (a trigger or a view would run its own SQL on every change), so it is not opened</source>
      <translation>في ملف المشروع {kind} باسم {name!r} لم ينشئه البرنامج؛ لا يحوي ملف المشروع إلا جداول البرنامج (فالمُشغِّل أو العرض ينفّذ أوامر SQL خاصة به عند كل تغيير)، فلم يُفتح الملف</translation>
    </message>
    <message>
      <source>the {kind} {name!r} in the project file is not the one the app creates (its definition differs: {sql}), so it is not opened</source>
      <translation>{kind} {name!r} في ملف المشروع ليس الذي ينشئه البرنامج (تعريفه مختلف: {sql})، فلم يُفتح الملف</translation>
    </message>
    <message>
      <source>the project file lacks the {kind} {name!r} that every project of file format {version} has; it is damaged or was made by another program</source>
      <translation>ينقص ملفَّ المشروع {kind} {name!r} الموجود في كل مشروع بصيغة الملف {version}؛ فهو تالف أو صنعه برنامج آخر</translation>
    </message>
    <message>
      <source>{name} is read-only</source>
      <translation>{name} للقراءة فقط</translation>
    </message>
    <message>
      <source>cannot open the file ({reason})</source>
      <translation>يتعذّر فتح الملف ({reason})</translation>
    </message>
    <message>
      <source>this SQLite database is not an annotation project</source>
      <translation>قاعدة بيانات SQLite هذه ليست مشروع وسم</translation>
    </message>
    <message>
      <source>the project is incomplete (it has no schema): it was never finished being created, or is damaged</source>
      <translation>المشروع ناقص (لا مخطط فيه): لم يكتمل إنشاؤه قط، أو هو تالف</translation>
    </message>
    <message>
      <source>the file is damaged or not a project ({reason})</source>
      <translation>الملف تالف أو ليس مشروعًا ({reason})</translation>
    </message>
    <message>
      <source>the stored model's {column} {what}; train again: annotator learn {path}</source>
      <translation>الحقل {column} في النموذج المحفوظ {what}؛ درِّب النموذج من جديد: annotator learn {path}</translation>
    </message>
    <message>
      <source>holds {found}, not {expected}</source>
      <translation>يحوي {found} لا {expected}</translation>
    </message>
    <message>
      <source>is not a JSON object</source>
      <translation>ليس كائن JSON</translation>
    </message>
    <message>
      <source>a note row holds a value that is not text; the file was changed outside the app or is damaged</source>
      <translation>في صف ملاحظة قيمة ليست نصًا؛ غُيِّر الملف خارج البرنامج أو هو تالف</translation>
    </message>
    <message>
      <source>unknown clitic convention {convention!r}; use one of {known}</source>
      <translation>اصطلاح سوابق مجهول {convention!r}؛ استعمل أحد: {known}</translation>
    </message>
    <message>
      <source>the setting {key!r} does not hold normalisation options ({reason})</source>
      <translation>الإعداد {key!r} لا يحوي خيارات التوحيد ({reason})</translation>
    </message>
    <message>
      <source>cannot open the project: {reason}; the file was not changed</source>
      <translation>يتعذّر فتح المشروع: {reason}؛ لم يتغيّر الملف</translation>
    </message>
    <message>
      <source>the disk refused to write beside it (full, or failing?): SQLite needs room for the project's log files; free some space and open it again</source>
      <translation>رفض القرص الكتابة بجانبه (ممتلئ أم معطوب؟): يحتاج SQLite إلى مساحة لملفات سجلّ المشروع؛ حرِّر بعض المساحة وافتحه من جديد</translation>
    </message>
    <message>
      <source>a file with this name already exists</source>
      <translation>يوجد ملف بهذا الاسم من قبل</translation>
    </message>
    <message>
      <source>no such project file</source>
      <translation>لا يوجد ملف المشروع هذا</translation>
    </message>
    <message>
      <source>opened for reading only</source>
      <translation>فُتح للقراءة فقط</translation>
    </message>
    <message>
      <source>the project is read-only ({reason}): nothing can be saved</source>
      <translation>المشروع للقراءة فقط ({reason}): لا يمكن حفظ شيء</translation>
    </message>
    <message>
      <source>the project is in use: another window or program is writing to it; nothing was changed, try again when it has finished</source>
      <translation>المشروع قيد الاستعمال: تكتب فيه نافذة أخرى أو برنامج آخر؛ لم يتغيّر شيء، أعد المحاولة حين ينتهي</translation>
    </message>
    <message>
      <source>it cannot be written ({reason})</source>
      <translation>لا تمكن الكتابة فيه ({reason})</translation>
    </message>
    <message>
      <source>cannot create the project file ({reason})</source>
      <translation>يتعذّر إنشاء ملف المشروع ({reason})</translation>
    </message>
    <message>
      <source>upgrading the project failed ({kind}: {reason}); the steps before the failing one are kept, and the file as it was before the upgrade is in {backup}</source>
      <translation>فشلت ترقية المشروع ({kind}: {reason})؛ بقيت الخطوات التي سبقت الخطوة الفاشلة، والملف كما كان قبل الترقية موجود في {backup}</translation>
    </message>
    <message>
      <source>this project needs an upgrade to file format {version}, and the backup made before every upgrade could not be written ({reason}); nothing was changed: free some space or check the folder's permissions</source>
      <translation>يحتاج هذا المشروع إلى ترقية إلى صيغة الملف {version}، وتعذّرت كتابة النسخة الاحتياطية التي تسبق كل ترقية ({reason})؛ لم يتغيّر شيء: حرِّر بعض المساحة أو راجع أذونات المجلد</translation>
    </message>
    <message>
      <source>the disk is full: nothing of this change was saved; free some space</source>
      <translation>القرص ممتلئ: لم يُحفظ شيء من هذا التغيير؛ حرِّر بعض المساحة</translation>
    </message>
    <message>
      <source>nothing can be saved to the project: {reason}</source>
      <translation>لا يمكن حفظ شيء في المشروع: {reason}</translation>
    </message>
    <message>
      <source>it is read-only</source>
      <translation>هو للقراءة فقط</translation>
    </message>
    <message>
      <source>the disk refused the write (a full or failing disk?): nothing of this change was saved</source>
      <translation>رفض القرص الكتابة (قرص ممتلئ أم معطوب؟): لم يُحفظ شيء من هذا التغيير</translation>
    </message>
    <message>
      <source>the project file was changed outside the app or is damaged</source>
      <translation>غُيِّر ملف المشروع خارج البرنامج أو هو تالف</translation>
    </message>
    <message>
      <source>a list of [role, span id] pairs</source>
      <translation>قائمة أزواج [role, span id]</translation>
    </message>
    <message>
      <source>a list of sentences, each a list of [start, end] offsets within the text (0-{size})</source>
      <translation>قائمة جمل، كلٌّ منها قائمة مواضع [start, end] داخل النص (0-{size})</translation>
    </message>
    <message>
      <source>{problem}; {damaged}: restore a backup, or correct or delete this row</source>
      <translation>{problem}؛ {damaged}: استعد نسخة احتياطية، أو صحِّح هذا الصف أو احذفه</translation>
    </message>
    <message>
      <source>the stored text no longer matches the SHA-256 recorded when it was imported ({damaged}); labels would land on the wrong words, so it is not used{hint}</source>
      <translation>لم يعد النص المحفوظ يطابق بصمة SHA-256 المسجَّلة عند استيراده ({damaged})؛ ستقع الوسوم على كلمات خاطئة، فلا يُستعمل{hint}</translation>
    </message>
    <message>
      <source>expected {expected}, found {found}</source>
      <translation>المتوقَّع {expected}، والموجود {found}</translation>
    </message>
    <message>
      <source>a non-empty text</source>
      <translation>نص غير فارغ</translation>
    </message>
    <message>
      <source>text or NULL</source>
      <translation>نص أو NULL</translation>
    </message>
    <message>
      <source>an integer offset (0 to {most})</source>
      <translation>موضع بعدد صحيح (من 0 إلى {most})</translation>
    </message>
    <message>
      <source>the span is empty or reversed ({start}-{end})</source>
      <translation>المقطع فارغ أو معكوس ({start}-{end})</translation>
    </message>
    <message>
      <source>span {id} of {annotator} has offsets {start}-{end}, outside the text (0-{size})</source>
      <translation>المقطع {id} للموسِّم {annotator} موضعاه {start}-{end} خارج النص (0-{size})</translation>
    </message>
    <message>
      <source>one of {known}</source>
      <translation>أحد: {known}</translation>
    </message>
    <message>
      <source>Could not save the plot as {path}: {reason}</source>
      <translation>تعذّر حفظ الرسم في {path}: {reason}</translation>
    </message>
  </context>
</TS>
