"""The bundled sample: a fictional omnichannel retailer with planted truth.

``python -m cxresearch.sample`` regenerates ``data/sample`` from its seed;
``python -m cxresearch.sample --check`` regenerates into a temporary folder and
compares content hashes with the committed manifest.
"""

from .generator import SampleData, content_hash, generate, write_sample

__all__ = ["generate", "write_sample", "content_hash", "SampleData"]
