"""``cxresearch serve``: a Voilà server over the published reports.

Routes (all behind the server's sign-in when it has one):

====================================  =====================================================
``/``                                 the gallery (:mod:`.gallery`)
``/report/<study>?segment=Gold``      a study's report: redirects to the report notebook
                                      with ``study=<study>`` and the filters kept
``/report/<study>/report.html``       the latest good run's static page (offline)
``/report/<study>/tables/<name>.csv`` a table of that run
``/report/<study>/figures/<name>.png`` a figure of that run
``/voila/render/report.ipynb?...``    Voilà itself
====================================  =====================================================

One light report notebook (:func:`report_notebook`) serves every study: its
first cell imports :mod:`.page` and ipywidgets, its second waits for the
request (``voila.utils.get_query_string()``) and draws the study the query
names from its run folder. Kernels are preheated (a pool runs the first cell
before anyone asks), so a view pays only for the lookups and the drawing.
Voilà hides the code (``strip_sources``) and its tracebacks
(``show_tracebacks=False``); the page catches its own errors too.

Bound to 127.0.0.1 unless told otherwise. On any other address a token (or a
password) is required: given, or generated and printed with the URL.

What it is not for: producing reports (``cxresearch run``) or computing.
"""

from __future__ import annotations

import atexit
import ipaddress
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from .. import config
from ..exceptions import ParameterError
from .runs import REPORTS_VARIABLE

__all__ = ["serve", "server_arguments", "report_notebook", "is_loopback", "NOTEBOOK", "POOL_SIZE"]

#: The report notebook's file name in the served folder.
NOTEBOOK = "report.ipynb"
#: The served folder's subfolder holding the page template (hidden from Voilà's file listing).
TEMPLATES = ".templates"
#: Preheated kernels kept ready (two cores: two views at once without waiting).
POOL_SIZE = 2
#: Seconds an abandoned view's kernel may sit idle before it is shut down.
CULL_IDLE_S = 900

_PREPARE = """\
# Runs ahead of the request in a preheated kernel: imports only.
try:
    import ipywidgets  # noqa: F401
    from cxresearch.publishing.page import show_report
except Exception as err:  # the page below says so in words
    show_report = None
    import sys
    print(f"cxresearch report: cannot import the report code: {err!r}", file=sys.__stderr__, flush=True)
from IPython.display import HTML, display
from voila.utils import get_query_string"""

_SHOW = """\
query = get_query_string()  # waits here for the page request
if show_report is None:
    display(HTML("<h2>This report is not available right now</h2><p><a href='/'>All reports</a></p>"))
else:
    show_report(query)"""


# Voila's lab template, changed in two ways: it links Font Awesome from a CDN (the reports use no icon
# font and fetch nothing), and it sends every output as JSON for JavaScript to draw. The report's own
# HTML outputs (headline numbers, figures, tables; escaped by cxresearch.publishing) are written into
# the page instead, and shown without waiting for Voila's theme and scripts (its spinner is left out), so
# they show as soon as the page arrives; the filter widgets are still drawn by Voila's script.
_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{#- cxresearch: Voila's lab template, without the internet and with the report's HTML drawn up front -#}
{%- import "spinner.macro.html.j2" as spinner -%}
{%- block notebook_css -%}
  {% if frontend == "voila" %}{{ resources.include_js("static/voila-style.js") }}{% endif %}
  {{ spinner.css() }}
  <style>.jp-mod-noOutputs.jp-mod-noInput {display: none;}
  #rendered_cells {display: block !important;} #loading {display: none !important;}</style>
  {{ super.super() }}
{%- endblock notebook_css -%}
{% block data_priority scoped %}
{%- if output -%}
{%- if output.output_type == 'display_data' and 'text/html' in output.data
      and 'application/vnd.jupyter.widget-view+json' not in output.data -%}
<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output cx-static">
{{- output.data['text/html'] | safe -}}
</div>
{%- else -%}
<script type="application/vnd.voila.cell-output+json">{{ output | trusted | tojson }}</script>
{%- endif -%}
{%- endif -%}
{% endblock data_priority %}
"""


def report_notebook():
    """The one report notebook every study's page runs (an ``nbformat`` notebook).

    Examples
    --------
    >>> notebook = report_notebook()
    >>> [cell.cell_type for cell in notebook.cells], notebook.metadata.kernelspec.name
    (['code', 'code'], 'cxresearch')
    """
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(_PREPARE), nbformat.v4.new_code_cell(_SHOW)]
    notebook.metadata.update({
        "kernelspec": {"name": config.KERNEL_NAME, "display_name": "Python (cxresearch)", "language": "python"},
        "language_info": {"name": "python"},
        "title": "CX research report",
    })
    return notebook


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach.

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0"), is_loopback("10.1.2.3")
    (True, True, False, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_port(port) -> int:
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ParameterError("not a port number", parameter="--port", value=port, fix="use e.g. 8866")
    return port


def server_arguments(site_dir, *, host="127.0.0.1", port=8866, token=None, hashed_password=None,
                     pool_size=POOL_SIZE) -> list[str]:
    """The Voilà command-line arguments of the report server (everything ``serve`` configures).

    A loopback host runs without sign-in; any other host needs ``token`` or
    ``hashed_password`` (:func:`serve` generates a token when neither is given).

    Examples
    --------
    >>> args = server_arguments("/srv/site", port=9000)
    >>> "--VoilaConfiguration.preheat_kernel=True" in args, "--Voila.token=" in args, args[0]
    (True, True, '/srv/site')
    >>> server_arguments("/srv/site", host="0.0.0.0")
    Traceback (most recent call last):
    ...
    cxresearch.exceptions.ParameterError: parameter '--host': a server reachable from other machines needs sign-in ...
    """
    port = _check_port(port)
    if not is_loopback(host) and not (token or hashed_password):
        raise ParameterError("a server reachable from other machines needs sign-in", parameter="--host",
                             value=host, fix="pass --token TOKEN or --password, or keep the default --host 127.0.0.1")
    args = [str(site_dir), "--no-browser", f"--port={port}", f"--Voila.ip={host}", "--Voila.port_retries=0",
            "--VoilaConfiguration.preheat_kernel=True", f"--VoilaConfiguration.default_pool_size={int(pool_size)}",
            "--VoilaConfiguration.show_tracebacks=False", "--VoilaKernelManager.fill_delay=0",
            f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}", "--MappingKernelManager.cull_interval=60",
            f"--Voila.token={token or ''}"]
    if hashed_password:
        args.append(f"--PasswordIdentityProvider.hashed_password={hashed_password}")
    return args


def _site() -> Path:
    """A fresh folder holding only the report notebook (what Voilà serves), removed at exit."""
    import nbformat

    site = Path(tempfile.mkdtemp(prefix="cxresearch-serve-"))
    atexit.register(shutil.rmtree, site, ignore_errors=True)
    nbformat.write(report_notebook(), site / NOTEBOOK)
    (site / TEMPLATES).mkdir()
    (site / TEMPLATES / "index.html.j2").write_text(_TEMPLATE, encoding="utf-8")
    return site


def _server_class():
    """Voilà with the gallery and the report routes in front of its own (imported only when serving)."""
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web
    from urllib.parse import urlencode

    from voila.app import Voila

    from .gallery import gallery_html
    from .runs import load_run

    class GalleryHandler(JupyterHandler):
        @web.authenticated
        def get(self):
            self.xsrf_token  # noqa: B018 - sets the _xsrf cookie Voila's page sends to shut its kernel down
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
            self.finish(gallery_html())

    class ReportHandler(JupyterHandler):
        @web.authenticated
        def get(self, study):
            self.xsrf_token  # noqa: B018 - as above: the report page's kernel is shut down when it is left
            query = urlencode({"study": study}) + (f"&{self.request.query}" if self.request.query else "")
            self.redirect(url_path_join(self.base_url, "voila", "render", NOTEBOOK) + "?" + query)

    class RunFileHandler(JupyterHandler):
        """The static page, tables and figures of a study's latest good run; nothing else of the folder."""

        @web.authenticated
        def get(self, study, path):
            try:
                run = load_run(study)
            except Exception:  # noqa: BLE001 - unknown or damaged: not found, the gallery says why
                raise web.HTTPError(404) from None
            allowed = {"report.html": "text/html; charset=utf-8"}
            allowed.update({t["path"]: "text/csv; charset=utf-8" for t in run.tables})
            allowed.update({f["path"]: "image/png" for f in run.figures})
            if path not in allowed or not (run.folder / path).is_file():
                raise web.HTTPError(404)
            self.set_header("Content-Type", allowed[path])
            self.finish((run.folder / path).read_bytes())

    class ReportServer(Voila):
        name = "cxresearch-serve"

        def setup_template_dirs(self):
            super().setup_template_dirs()
            # our index.html.j2 first; it extends Voila's lab template
            self.template_paths.insert(0, str(Path(self.root_dir) / TEMPLATES))

        def init_handlers(self):
            study = r"/report/([A-Za-z0-9][A-Za-z0-9_.\-]*)"
            files = r"(report\.html|tables/[^/]+\.csv|figures/[^/]+\.png)"
            ours = [(url_path_join(self.server_url, r"/?"), GalleryHandler),
                    (url_path_join(self.server_url, study + r"/?"), ReportHandler),
                    (url_path_join(self.server_url, study + "/" + files), RunFileHandler)]
            return ours + super().init_handlers()

    return ReportServer


def serve(*, host: str = "127.0.0.1", port: int = 8866, reports_dir=None, token: str | None = None,
          hashed_password: str | None = None, pool_size: int = POOL_SIZE) -> int:
    """Run the report server until interrupted (blocks).

    Parameters
    ----------
    host : str
        Address to listen on; 127.0.0.1 (this machine only) by default.
    port : int
        Port to listen on.
    reports_dir : path, optional
        The reports folder to publish (default ``config.REPORTS_DIR``).
    token : str, optional
        Sign-in token (``?token=...`` once, then a cookie). Generated when the
        host is not loopback and neither a token nor a password is given.
    hashed_password : str, optional
        A password hash from ``jupyter_server.auth.passwd`` (sign-in page).
    pool_size : int
        Preheated kernels kept ready.

    Returns
    -------
    int
        0 when stopped.
    """
    reports_dir = Path(reports_dir if reports_dir is not None else config.REPORTS_DIR).resolve()
    if not reports_dir.is_dir():
        raise ParameterError("no such folder", parameter="--reports", value=str(reports_dir),
                             fix="run a study first (cxresearch demo) or pass the reports folder")
    generated = not is_loopback(host) and not (token or hashed_password)
    if generated:
        token = secrets.token_urlsafe(24)
    args = server_arguments(_site(), host=host, port=port, token=token, hashed_password=hashed_password,
                            pool_size=pool_size)
    os.environ[REPORTS_VARIABLE] = str(reports_dir)  # the report kernels inherit it
    shown = "localhost" if is_loopback(host) else host
    # a token of one's own is not echoed into logs; a generated one must be, or nobody could sign in
    sign_in = f"?token={token}" if generated else "?token=<your token>" if token else ""
    print(f"cxresearch: publishing {reports_dir} at http://{shown}:{port}/{sign_in} (Ctrl-C stops)", flush=True)
    _server_class().launch_instance(argv=args)
    return 0
