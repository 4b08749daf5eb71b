"""drafter's command line: click commands only. Each reads its options and calls one `run` in drafter."""
from __future__ import annotations

import sys

import click

from drafter import __version__
from drafter.errors import DrafterError
from drafter.i18n import set_lang

LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                    help="Language of messages / 消息语言")


def _run(fn, lang: str, **kwargs) -> None:
    """Call a command body; turn every bad-input error into exit 2 with one line on stderr."""
    set_lang(lang)
    try:
        code = fn(**kwargs)
    except DrafterError as e:
        click.echo(e.render(lang), err=True)
        sys.exit(2)
    except MemoryError:
        click.echo("drafter: 内存不足，输入过大" if lang != "en" else "drafter: out of memory: input too large", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code or 0)


class _Group(click.Group):
    """Usage errors exit 2 (click's default) with click's own short message."""


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafter")
def main() -> None:
    """drafter: 工作要点的解析、检查、起草与对比 (parse, check, draft and compare annual work plans)."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml", "text"]), default="json", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(), default=None, help="write here instead of stdout")
@click.option("--encoding", default=None, help="text encoding of a .txt file (default: detect)")
@click.option("--force", is_flag=True, help="overwrite an existing output file")
@LANG
def parse(file, fmt, out, encoding, force, lang):
    """Parse a plan, summary or division document into its structure."""
    from drafter.commands.parse import run
    _run(run, lang, file=file, fmt=fmt, out=out, encoding=encoding, force=force)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--prior", type=click.Path(), default=None, help="last year's plan")
@click.option("--summary", type=click.Path(), default=None, help="last year's 工作总结")
@click.option("--config", type=click.Path(), default=None, help="drafter.yaml (default: found upward)")
@click.option("--select", default=None, help="only these rule codes or prefixes, comma-separated")
@click.option("--ignore", default=None, help="skip these rule codes or prefixes, comma-separated")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True)
@click.option("--annotate", type=click.Path(), default=None, help="write a .docx with a comment on each finding")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
@click.option("--encoding", default=None, help="text encoding of .txt inputs (default: detect)")
@click.option("--force", is_flag=True, help="overwrite an existing --annotate file")
@LANG
def check(files, prior, summary, config, select, ignore, fmt, annotate, fail_on, encoding, force, lang):
    """Check plans before submission: numbering, duplicates, agencies, targets, years, brackets."""
    from drafter.commands.check import run
    _run(run, lang, files=files, prior=prior, summary=summary, config=config, select=select, ignore=ignore,
         fmt=fmt, annotate=annotate, fail_on=fail_on, encoding=encoding, force=force)


@main.command()
@click.option("--from", "prior", required=True, type=click.Path(), help="last year's plan")
@click.option("--year", type=int, default=None, help="year of the new plan (default: prior year + 1)")
@click.option("-o", "--output", "out", type=click.Path(), default=None, help="outline .yaml (default: stdout)")
@click.option("--encoding", default=None)
@click.option("--force", is_flag=True, help="overwrite an existing output file")
@LANG
def init(prior, year, out, encoding, force, lang):
    """Make next year's outline (YAML) from last year's plan."""
    from drafter.commands.init import run
    _run(run, lang, prior=prior, year=year, out=out, encoding=encoding, force=force)


@main.command()
@click.argument("outline", type=click.Path(dir_okay=True))
@click.option("-o", "--output", "out", type=click.Path(), default=None, help="output file")
@click.option("--prior", type=click.Path(), default=None, help="last year's plan, for carry: items")
@click.option("--format", "fmt", type=click.Choice(["docx", "txt", "md"]), default="docx", show_default=True)
@click.option("--template", "template_dir", type=click.Path(), default=None, help="folder with your own templates")
@click.option("--force", is_flag=True, help="overwrite an existing output file")
@LANG
def draft(outline, out, prior, fmt, template_dir, force, lang):
    """Draft a GB/T 9704 .docx (or .txt/.md) from an outline."""
    from drafter.commands.draft import run
    _run(run, lang, outline=outline, out=out, prior=prior, fmt=fmt, template_dir=template_dir, force=force)


@main.command()
@click.argument("old", type=click.Path(dir_okay=True))
@click.argument("new", type=click.Path(dir_okay=True))
@click.option("--summary", type=click.Path(), default=None, help="last year's 工作总结 (achieved figures)")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "docx"]), default="text", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(), default=None)
@click.option("--encoding", default=None)
@click.option("--force", is_flag=True, help="overwrite an existing output file")
@LANG
def compare(old, new, summary, fmt, out, encoding, force, lang):
    """Compare this year's plan with last year's, item by item."""
    from drafter.commands.compare import run
    _run(run, lang, old=old, new=new, summary=summary, fmt=fmt, out=out, encoding=encoding, force=force)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("-o", "--output", "out", type=click.Path(), default=None,
              help="fixed file (default: FILE.fixed.txt / FILE.fixed.docx beside it)")
@click.option("--select", default=None, help="fix only these rule codes or prefixes, comma-separated")
@click.option("--ignore", default=None, help="do not fix these rule codes or prefixes, comma-separated")
@click.option("--layout", is_flag=True, help="also apply the GB/T 9704 layout (.docx)")
@click.option("--prior", type=click.Path(), default=None, help="last year's plan")
@click.option("--summary", type=click.Path(), default=None, help="last year's 工作总结")
@click.option("--config", type=click.Path(), default=None, help="drafter.yaml (default: found upward)")
@click.option("--dry-run", is_flag=True, help="print a unified diff labelled with rule codes; write nothing")
@click.option("--encoding", default=None, help="text encoding of a .txt file (default: detect)")
@click.option("--force", is_flag=True, help="overwrite an existing output file")
@LANG
def fix(file, out, select, ignore, layout, prior, summary, config, dry_run, encoding, force, lang):
    """Fix what check finds with one right answer (tracked changes in a .docx)."""
    from drafter.commands.fix import run
    _run(run, lang, file=file, out=out, select=select, ignore=ignore, layout=layout, prior=prior, summary=summary,
         config=config, dry_run=dry_run, force=force, encoding=encoding)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; anything but 127.0.0.1 lets other machines reach it")
@click.option("--port", type=int, default=8765, show_default=True, help="port (0: any free port)")
@click.option("--no-browser", is_flag=True, help="do not open the browser")
@click.option("--max-upload", type=float, default=50, show_default=True, help="largest upload, in MB")
@LANG
def serve(host, port, no_browser, max_upload, lang):
    """Start the workbench in the browser (local server; nothing leaves this computer)."""
    from drafter.commands.serve import run
    _run(run, lang, host=host, port=port, no_browser=no_browser, max_upload=max_upload)


@main.command()
@click.argument("code", required=False)
@LANG
def rules(code, lang):
    """List the rules, or explain one (e.g. `drafter rules NUM001`)."""
    from drafter.commands.rules import run
    _run(run, lang, code=code)


if __name__ == "__main__":
    main()
