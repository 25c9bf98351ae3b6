"""Article text as safe HTML: every annotation a span over escaped text, nothing from the article runs."""
from __future__ import annotations

from markupsafe import Markup, escape

from marsad.document import Document


def annotated(doc: Document) -> Markup:
    """The cleaned text with mentions, quotes, times and figures marked, paragraph by paragraph.

    Annotations are laid as non-overlapping spans (names over times over figures;
    quotes wrap what they hold); every character of the article goes through escape().
    """
    marks: dict[int, list[tuple[int, str, str]]] = {}

    def add(start: int, end: int, open_tag: str, close_tag: str) -> None:
        marks.setdefault(start, []).append((end, open_tag, close_tag))

    taken: list[tuple[int, int]] = []
    for m in doc.mentions:
        if m.entity and not any(s < m.end and m.start < e for s, e in taken):
            cls = f"ent ent-{m.type.lower()}" + (" via-title" if m.via_title else "")
            add(m.start, m.end, f'<a class="{cls}" href="/entities/{escape(m.entity)}" '
                                f'title="{escape(m.type)}">', "</a>")
            taken.append((m.start, m.end))
    for t in doc.times:
        if not any(s < t.end and t.start < e for s, e in taken):
            add(t.start, t.end, f'<time datetime="{escape(t.value or "")}" title="{escape(t.value or "")}">',
                "</time>")
            taken.append((t.start, t.end))
    for f in doc.figures:
        if not any(s < f.end and f.start < e for s, e in taken):
            value = int(f.value) if float(f.value).is_integer() else f.value
            add(f.start, f.end, f'<span class="fig" title="{escape(value)} {escape(f.unit)}">', "</span>")
            taken.append((f.start, f.end))
    quote_edges: dict[int, list[str]] = {}
    for q in doc.quotes:
        if q.kind == "direct":
            quote_edges.setdefault(q.start, []).append('<q class="quote">')
            quote_edges.setdefault(q.end, []).insert(0, "</q>")
    out, pos, open_until = [], 0, []
    text = doc.text
    for i in range(len(text) + 1):
        for tag in quote_edges.get(i, []):
            if tag == "</q>":
                out.append(escape(text[pos:i]) + Markup(tag))
                pos = i
        for tag in quote_edges.get(i, []):
            if tag != "</q>":
                out.append(escape(text[pos:i]) + Markup(tag))
                pos = i
        if open_until and open_until[-1][0] == i:
            out.append(escape(text[pos:i]) + Markup(open_until.pop()[1]))
            pos = i
        for end, open_tag, close_tag in sorted(marks.get(i, []), key=lambda m: -m[0]):
            out.append(escape(text[pos:i]) + Markup(open_tag))
            pos = i
            open_until.append((end, close_tag))
    out.append(escape(text[pos:]))
    html = Markup("").join(out)
    return Markup("".join(f"<p>{line}</p>" for line in str(html).split("\n") if line.strip()))
