"""Streamlit's own words on the atlas's pages, in the visitor's language.

Streamlit's frontend has no translations: the file uploader writes "Upload", "Drag and drop
file here" and "Limit 5MB per file" in English whatever the page's language, and its controls'
accessible names ("Choose date", "Help for Day", "day, Day", "Link to heading", a chart's
"Title text 'Ukraine'") are English too. The script made here (run once per page load, kept current on every rerun) replaces
those few fixed texts, as Streamlit draws them, with the catalogue's, and puts the English
back when the visitor switches to English; it also sets the document's ``<html lang>``
(screen readers).
"""

from __future__ import annotations

import json

from geo.language import DEFAULT, N_, gettext

#: Streamlit's fixed texts (text or accessible names) that the atlas's pages show.
TEXTS = (N_("Upload"), N_("Browse files"), N_("Drag and drop file here"), N_("file upload"),
         N_("Remove file"), N_("Choose date"), N_("Link to heading"), N_("Choose an option"),
         N_("Open"), N_("Clear all"), N_("Download as CSV"), N_("Show/hide columns"),
         N_("Search"), N_("Fullscreen"), N_("Close fullscreen"), N_("Selected values"))
#: Streamlit's accessible names made from a control's label: (the English pattern, its
#: text with ``{label}`` for the label).
LABELLED = ((r"^Help for (.+)$", N_("Help for {label}")),
            (r"^day, (.+)$", N_("day, {label}")),
            (r"^month, (.+)$", N_("month, {label}")),
            (r"^year, (.+)$", N_("year, {label}")),
            (r"^Remove (.+)$", N_("Remove {label}")),
            (r"^Show data: (.+)$", N_("Show data: {label}")),
            (r"^Download as PNG: (.+)$", N_("Download as PNG: {label}")),
            (r"^Download as SVG: (.+)$", N_("Download as SVG: {label}")),
            (r"^Copy Vega-Lite spec: (.+)$", N_("Copy Vega-Lite spec: {label}")),
            (r"^Fullscreen: (.+)$", N_("Fullscreen: {label}")),
            (r"^Title text '(.+)'$", N_("Title: {label}")))
#: Streamlit's upload limit ("Limit 5MB per file", "5MB per file" in a narrow sidebar), its
#: size written as the language writes it.
LIMIT = N_("Up to {size} per file")
UNITS = (N_("KB"), N_("MB"), N_("GB"))
#: Where Streamlit's visible words are replaced (the atlas's own text elsewhere is already in
#: the language), and where its accessible names are (the whole app: labels and titles only).
SCOPE = ("[data-testid=stFileUploader], [data-testid=stSelectbox], "
         "[data-testid=stMultiSelect]")
NAMES_SCOPE = "[data-testid=stApp]"

_SCRIPT = """<script>
(() => {
  document.documentElement.lang = %(lang)s;
  const words = %(words)s, limit = %(limit)s, units = %(units)s, labelled = %(labelled)s;
  const LIMIT = /^(?:Limit )?(\\d+(?:\\.\\d+)?)\\s*(KB|MB|GB) per file/;
  const say = (text) => {
    const trimmed = text.trim();
    if (Object.hasOwn(words, trimmed)) return words[trimmed];
    for (const [pattern, text] of labelled) {
      const named = trimmed.match(new RegExp(pattern));
      if (named) return text.replace("{label}", named[1]);
    }
    const match = limit && trimmed.match(LIMIT);
    if (!match) return null;
    const size = match[1] + "\\u00a0" + (units[match[2]] || match[2]);
    return limit.replace("{size}", size) + trimmed.slice(match[0].length);
  };
  const state = window.atlasChrome || (window.atlasChrome = {changed: []});
  // What was replaced, so that a switch back to English puts Streamlit's words back.
  for (const [node, name, original] of state.changed) {
    if (name === null) node.nodeValue = original; else node.setAttribute(name, original);
  }
  state.changed = [];
  state.apply = () => {
    for (const root of document.querySelectorAll(%(scope)s)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = say(node.nodeValue);
        if (text !== null && text !== node.nodeValue) {
          state.changed.push([node, null, node.nodeValue]);
          node.nodeValue = text;
        }
      }
    }
    for (const root of document.querySelectorAll(%(names_scope)s)) {
      for (const element of root.querySelectorAll("[aria-label], [title], [placeholder]")) {
        for (const name of ["aria-label", "title", "placeholder"]) {
          const text = element.hasAttribute(name) ? say(element.getAttribute(name)) : null;
          if (text !== null) {
            state.changed.push([element, name, element.getAttribute(name)]);
            element.setAttribute(name, text);
          }
        }
      }
    }
  };
  if (!state.observer) {
    state.observer = new MutationObserver(() => state.apply());
    // Attributes too: Streamlit sets some names after it has drawn the element.
    state.observer.observe(document.body, {childList: true, subtree: true, characterData: true,
                                           attributes: true,
                                           attributeFilter: ["aria-label", "title",
                                                             "placeholder"]});
  }
  state.apply();
})();
</script>"""


def script(lang: str) -> str:
    """The page script for ``lang``: ``<html lang>``, and Streamlit's words in ``lang``
    (none replaced in English, those replaced before put back)."""
    english = lang == DEFAULT
    words = {} if english else {text: gettext(text, lang) for text in TEXTS}
    units = {} if english else {unit: gettext(unit, lang) for unit in UNITS}
    labelled = [] if english else [[pattern, gettext(text, lang)] for pattern, text in LABELLED]
    return _SCRIPT % {"lang": json.dumps(lang), "words": json.dumps(words, ensure_ascii=False),
                      "limit": "null" if english else json.dumps(gettext(LIMIT, lang),
                                                                  ensure_ascii=False),
                      "units": json.dumps(units, ensure_ascii=False),
                      "labelled": json.dumps(labelled, ensure_ascii=False),
                      "scope": json.dumps(SCOPE), "names_scope": json.dumps(NAMES_SCOPE)}


__all__ = ["LABELLED", "LIMIT", "NAMES_SCOPE", "SCOPE", "TEXTS", "UNITS", "script"]
