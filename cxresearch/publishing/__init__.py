"""Publishing: the studies' latest good runs as fast, code-free web reports (``cxresearch serve``).

* :mod:`.runs`: what a published run holds (headline numbers, figures,
  tables, filter cubes), read from its run folder only, never from raw data.
* :mod:`.theme`: the one look of the gallery and the reports, and numbers
  written for people.
* :mod:`.page`: a report as a Voilà page (runs in the report's kernel):
  headline numbers, filters as widgets over the run's cubes, figures, tables.
* :mod:`.gallery`: the landing page, one card per study.
* :mod:`.server`: the Voilà server (preheated kernels, the gallery, sign-in
  when exposed beyond this machine).

What it is not for: computing results (the studies record them at run time:
``cxresearch.reporting``, ``cxresearch.cubes``) or the static ``report.html``
(``cxresearch.runner.export_html``).
"""
