"""Qualitative coding of verbatims: codebook, text preparation, reliability, sentiment.

One topic per module: ``codebook`` (the codebook as data), ``text`` (offline
text preparation), ``reliability`` (inter-coder agreement), ``sentiment``.
"""
