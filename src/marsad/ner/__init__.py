"""The trained named-entity tagger: a CharCNN-BiLSTM-CRF ensemble we train ourselves.

``encoding`` turns tokens into the tagger's inputs; ``tagger`` runs the trained network
in NumPy (no deep-learning library at run time); ``training`` (PyTorch, only to train)
builds and trains it; ``conll`` reads CoNLL files and scores exact spans.
"""
