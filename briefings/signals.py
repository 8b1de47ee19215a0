from django.dispatch import Signal

#: Sent inside the import transaction once a briefing is stored and rendered,
#: with ``briefing``, ``created`` and ``approve``; the quizzes app builds its
#: question bank and default quiz here.
briefing_imported = Signal()

#: Sent inside the copy's transaction once a briefing's copy holds its
#: paragraphs, glossary, people and references, with ``briefing`` (the
#: original), ``copy`` and ``paragraphs`` (the copy's paragraph for each
#: original paragraph's pk); the quizzes app copies the question bank and the
#: default quiz here.
briefing_copied = Signal()

#: Sent inside an update before paragraphs whose text is gone are deleted,
#: with ``briefing`` and ``paragraphs``; receivers drop what they can
#: regenerate, and whatever still refers to a paragraph blocks the update.
paragraphs_retiring = Signal()
