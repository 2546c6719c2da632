// The scan pane beside a case follows the OCR prefill the clerk works on:
// "Lihat pindaian di samping" swaps the scan in place, so nothing typed in
// the forms is lost to a page load. Without this script the link reloads the
// page with that scan shown, which works too.
(function () {
  "use strict";
  var pane = document.querySelector("[data-testid=scan-pane]");
  if (!pane) {
    return;
  }

  function show(card) {
    var media = pane.querySelector("[data-scan-media]");
    var name = pane.querySelector("[data-testid=scan-name]");
    var open = pane.querySelector("[data-scan-open]");
    if (!media || !name || !open) {
      return false;
    }
    var url = card.getAttribute("data-scan-url");
    if (open.getAttribute("href") === url) {
      return true;
    }
    var element = document.createElement(
      card.getAttribute("data-scan-pdf") === "true" ? "iframe" : "img");
    element.src = url;
    if (element.tagName === "IMG") {
      element.alt = "Pindaian " + card.getAttribute("data-scan-name");
    } else {
      element.title = "Pindaian";
    }
    media.replaceChildren(element);
    name.textContent = card.getAttribute("data-scan-name");
    open.href = url;
    return true;
  }

  // A click on the scan enlarges it in the pane, to read small print
  // (a KK's member table); a second click fits it again.
  pane.addEventListener("click", function (event) {
    if (event.target.tagName === "IMG") {
      event.target.classList.toggle("zoomed");
    }
  });

  document.querySelectorAll("[data-testid=ocr-prefill]").forEach(function (card) {
    var link = card.querySelector("[data-show-scan]");
    if (!link) {
      return;
    }
    link.addEventListener("click", function (event) {
      if (show(card)) {
        event.preventDefault();
      }
    });
    // Working in a form's fields brings its scan beside it.
    card.addEventListener("focusin", function () {
      show(card);
    });
  });
})();
