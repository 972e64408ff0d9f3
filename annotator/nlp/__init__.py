"""The camel-tools adapter: tokens with offsets; later normalisation, clitics, NER.

camel-tools is imported lazily inside the functions that need it: importing it costs
close to a second, and some of its modules (``camel_tools.data``, ``ner``,
``morphology.database``) reach for the network, so only the word tokenizer is used here.
"""
