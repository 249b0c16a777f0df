"""The ``cxresearch`` command line: options only; the work is done by the library.

    cxresearch demo        the bundled sample's headline numbers
    cxresearch --version

Every error a user can cause ends the command with one line (no traceback)
and exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .exceptions import CXResearchError


def _format_value(value, unit):
    if unit == "share":
        return f"{value:.1%}"
    if unit == "currency":
        return f"EUR {value:,.0f}"
    if unit == "points":
        return f"{value:+.1f}"
    return f"{value:.2f}"


def demo(args) -> int:
    """Load the bundled sample and print its headline metrics."""
    from .datasets import read_dataset
    from .kpis import headline_metrics

    responses = read_dataset("responses")
    customer_months = read_dataset("customer_months")
    table = headline_metrics(responses, customer_months, freq=args.freq)
    print(f"Maison Verde (bundled sample): {len(responses):,} survey answers from "
          f"{responses['customer_id'].nunique():,} customers in {responses['unit_id'].nunique()} stores, "
          f"{responses['date'].min():%Y-%m} to {responses['date'].max():%Y-%m}")
    period = table["period"].iat[0]
    print(f"\nHeadline metrics, {period} (95% confidence intervals), change vs the previous period:")
    for row in table.itertuples(index=False):
        value = _format_value(row.value, row.unit)
        low, high = _format_value(row.ci_low, row.unit), _format_value(row.ci_high, row.unit)
        change = row.change if row.unit != "share" else 100 * row.change
        unit = " pts" if row.unit in ("points", "share") else ""
        line = f"  {row.metric:<28} {value:>10}  [{low} to {high}]  n={row.n:,}  change {change:+.1f}{unit}"
        if row.metric == "NPS":
            line += f" (p = {row.p_value:.2f}: {'a real change' if row.change_is_real else 'not distinguishable from noise'})"
        print(line)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cxresearch", description="A workbench for customer-experience research.")
    parser.add_argument("--version", action="version", version=f"cxresearch {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = commands.add_parser("demo", help="headline metrics of the bundled sample",
                            description="Load the bundled sample and print its headline metrics.")
    p.add_argument("--freq", choices=["M", "Q"], default="Q", help="period length: M (month) or Q (quarter)")
    p.set_defaults(func=demo)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CXResearchError as err:
        print(f"cxresearch: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
