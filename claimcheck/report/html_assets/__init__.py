"""The HTML report's inline style sheet and script, kept apart from the markup writer.

They are Python strings rather than .css/.js files so that they ship with the
package without package-data configuration and are inlined into every page
(the page must work offline and from file://, so nothing is linked).
"""

from __future__ import annotations

import base64
import hashlib

# Every colour the page uses. ``CONTRAST_PAIRS`` lists each text/background pair
# the style sheet puts together; a test holds them to WCAG AA (4.5:1 for text,
# 3:1 for focus and target outlines against the page).
PALETTE: dict[str, str] = {
    "fg": "#1b1b1f",
    "bg": "#ffffff",
    "muted": "#4d4d57",
    "link": "#0a55c2",
    "border": "#c9c9d1",
    "card": "#f7f7fa",
    "chip": "#e6e6ec",
    "mark": "#ffd84d",
    "target": "#fff1b3",
    "target-edge": "#8a6100",
    "focus": "#0a55c2",
    "on-strong": "#ffffff",
    "contradiction": "#a3161c",
    "variation": "#1f5d99",
    "dispute": "#6a3d9a",
    "new": "#0d6b3a",
    "baselined": "#5c5c66",
}

CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("fg", "bg", 4.5),
    ("fg", "card", 4.5),
    ("fg", "chip", 4.5),
    ("fg", "mark", 4.5),
    ("fg", "target", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "card", 4.5),
    ("link", "bg", 4.5),
    ("link", "card", 4.5),
    ("link", "target", 4.5),
    ("on-strong", "contradiction", 4.5),
    ("on-strong", "variation", 4.5),
    ("on-strong", "dispute", 4.5),
    ("on-strong", "new", 4.5),
    ("on-strong", "baselined", 4.5),
    ("focus", "bg", 3.0),
    ("focus", "card", 3.0),
    ("target-edge", "bg", 3.0),
)

_VARIABLES = "".join(f"--{name}:{value};" for name, value in PALETTE.items())

CSS = (
    ":root{color-scheme:light;" + _VARIABLES + "}"
    """
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,
.conflict:focus,.conflict:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:.5rem;background:var(--bg);padding:.5rem 1rem;
  z-index:1}
.skip-link:focus{left:1rem}
.banner,.report-nav,main,footer{max-width:76rem;margin:0 auto;padding:0 1rem}
.banner{padding-top:1.25rem}
h1{font-size:1.75rem;margin:0 0 .25rem}
h2{font-size:1.375rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--border);
  padding-bottom:.25rem}
h3{font-size:1.125rem;margin:0 0 .5rem}
h4{font-size:1rem;margin:0 0 .5rem}
.lede,.meta,.where,.fingerprint,.note{color:var(--muted)}
.lede{margin:0 0 .75rem}
.report-nav{padding-top:.5rem;padding-bottom:.5rem;border-top:1px solid var(--border);
  border-bottom:1px solid var(--border)}
.report-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
#filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1.5rem;margin-top:.5rem}
fieldset{border:1px solid var(--border);border-radius:6px;margin:0;padding:.25rem .75rem .5rem}
legend{font-weight:600;padding:0 .25rem}
fieldset label{display:inline-flex;align-items:center;gap:.3rem;margin-right:.9rem;cursor:pointer}
input[type=checkbox]{width:1.1rem;height:1.1rem;accent-color:var(--focus)}
button{font:inherit;color:var(--fg);background:var(--chip);border:1px solid var(--muted);
  border-radius:6px;padding:.25rem .75rem;cursor:pointer}
#filter-status{margin:0;font-weight:600}
.keys{margin:0;color:var(--muted)}
kbd{font:inherit;font-family:ui-monospace,Menlo,Consolas,monospace;border:1px solid var(--muted);
  border-radius:4px;padding:0 .3em;background:var(--bg)}
table{border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}
th,td{border:1px solid var(--border);padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.5rem 0 1rem}
summary{cursor:pointer;font-weight:600}
.conflict{border:1px solid var(--border);border-left:6px solid var(--contradiction);
  border-radius:6px;background:var(--card);padding:1rem 1.25rem;margin:1rem 0;
  scroll-margin-top:1rem}
.conflict[data-severity=variation]{border-left-color:var(--variation)}
.conflict[data-severity=dispute]{border-left-color:var(--dispute)}
.num{color:var(--muted);font-weight:400;margin-right:.35rem}
.badges{margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.35rem}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:1rem;font-size:.875rem;
  font-weight:600;background:var(--chip);color:var(--fg)}
.sev-contradiction{background:var(--contradiction);color:var(--on-strong)}
.sev-variation{background:var(--variation);color:var(--on-strong)}
.sev-dispute{background:var(--dispute);color:var(--on-strong)}
.status-new{background:var(--new);color:var(--on-strong)}
.status-baselined{background:var(--baselined);color:var(--on-strong)}
.rule{margin:0 0 .75rem}
.rule-code{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700;margin-right:.4rem}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
.side{background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.75rem}
.value{font-size:1.125rem}
.outlets{font-weight:400;color:var(--muted)}
.excerpts{list-style:none;margin:0;padding:0}
.excerpts li+li{margin-top:.75rem}
blockquote{margin:0;padding:.1rem .75rem;border-left:3px solid var(--border)}
blockquote p{margin:0}
.where{margin:.25rem 0 0 .75rem;font-size:.9375rem}
mark{background:var(--mark);color:var(--fg);padding:0 .12em;border-radius:2px}
.fingerprint{margin:.75rem 0 0;font-size:.875rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
.source{padding:1rem 0;content-visibility:auto;contain-intrinsic-size:auto 30rem}
.source+.source{border-top:1px solid var(--border)}
.source .text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:50rem;margin:.5rem 0 0}
.ref{scroll-margin-top:30vh;border-radius:2px}
.ref:target{background:var(--target);outline:2px solid var(--target-edge);outline-offset:1px}
.back{font-size:.8125rem;margin-left:.25rem;white-space:nowrap}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;
  clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
footer{margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--border);color:var(--muted)}
@media print{.report-nav,.skip-link,.back{display:none}.conflict{break-inside:avoid}
  .source{content-visibility:visible}}
"""
)

# Filters and j/k navigation. Without JavaScript the form stays hidden and the
# page still reads top to bottom; sentence links are plain #fragment anchors.
SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.conflict"));
  if (form) {
    var status = document.getElementById("filter-status");
    var selected = function (name) {
      var chosen = {};
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        if (box.checked) { chosen[box.value] = true; }
      });
      return chosen;
    };
    var hasStatus = form.querySelector('input[name="status"]') !== null;
    var apply = function () {
      var kinds = selected("kind"), severities = selected("severity");
      var statuses = selected("status");
      var shown = 0;
      cards.forEach(function (card) {
        var keep = kinds[card.dataset.kind] === true &&
          severities[card.dataset.severity] === true &&
          (!hasStatus || statuses[card.dataset.status] === true);
        card.hidden = !keep;
        if (keep) { shown += 1; }
      });
      status.textContent = "Showing " + shown + " of " + cards.length +
        (cards.length === 1 ? " conflict" : " conflicts");
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }
  var typing = function (target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName));
  };
  document.addEventListener("keydown", function (event) {
    if (event.key !== "j" && event.key !== "k") { return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var visible = cards.filter(function (card) { return !card.hidden; });
    if (visible.length === 0) { return; }
    var active = document.activeElement;
    var current = active && active.closest ? active.closest("article.conflict") : null;
    var index = visible.indexOf(current);
    var next;
    if (index >= 0) {
      next = event.key === "j" ? Math.min(index + 1, visible.length - 1) : Math.max(index - 1, 0);
    } else {
      // Nothing focused yet: start from what is on screen.
      var below = visible.filter(function (card) { return card.getBoundingClientRect().top >= 0; });
      var above = visible.filter(function (card) { return card.getBoundingClientRect().top < 0; });
      next = event.key === "j"
        ? visible.indexOf(below.length ? below[0] : visible[visible.length - 1])
        : visible.indexOf(above.length ? above[above.length - 1] : visible[0]);
    }
    event.preventDefault();
    visible[next].focus({ preventScroll: true });
    visible[next].scrollIntoView({ block: "start" });
  });
})();
"""


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# Nothing may load, and only this exact style sheet and script may apply or run:
# if some input ever slipped through unescaped, its markup would still do nothing.
POLICY = (
    "default-src 'none'; "
    f"style-src '{_sha256(CSS)}'; script-src '{_sha256(SCRIPT)}'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)
