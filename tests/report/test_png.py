"""`--png`: each chart of the report as a PNG, drawn through the local Chromium."""

import struct


def _png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_every_chart_is_written_as_a_png(demo_report, tmp_path, chromium):
    # kaleido draws through the local Chromium
    from evlens.report.png import HEIGHT, WIDTH, write_pngs
    from evlens.views.figures import figures

    files = write_pngs(demo_report, "en", tmp_path / "png")
    assert [f.stem for f in files] == list(figures(demo_report, "en"))
    assert len(files) == 10
    for f in files:
        assert _png_size(f) == (WIDTH, HEIGHT)
        assert f.stat().st_size > 10_000  # a drawn chart, not an empty canvas
    zh = write_pngs(demo_report, "zh", tmp_path / "png")
    assert {f.name for f in zh} == {f"{f.stem}-zh.png" for f in files}
