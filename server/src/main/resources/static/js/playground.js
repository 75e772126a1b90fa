// Playground: show only the media fields of the chosen mode, and the live price from the server
// (the API's own pricing and validation; nothing is computed here).
(function () {
  "use strict";

  var form = document.getElementById("playground");
  if (!form) {
    return;
  }
  var price = document.getElementById("price");
  var priceError = document.getElementById("price-error");
  var mode = form.elements["mode"];

  var showModeFields = function () {
    form.querySelectorAll("[data-modes]").forEach(function (row) {
      var on = row.getAttribute("data-modes").split(" ").indexOf(mode.value) >= 0;
      row.hidden = !on;
      row.querySelectorAll("input, textarea").forEach(function (input) {
        // Disabled fields are not sent: a URL typed for another mode never reaches the API.
        input.disabled = !on;
      });
    });
  };

  var pending = null;
  var sequence = 0;
  var updatePrice = function () {
    var mine = ++sequence;
    fetch(form.getAttribute("data-price-url"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        if (mine !== sequence) {
          return;
        }
        if (body.credits !== undefined) {
          price.textContent = price.getAttribute("data-format").replace("{0}", body.credits);
          priceError.textContent = "";
          priceError.hidden = true;
        } else {
          price.textContent = "—";
          priceError.textContent = body.error.message;
          priceError.hidden = false;
        }
      })
      .catch(function () {});
  };
  var schedule = function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(updatePrice, 200);
  };

  mode.addEventListener("change", showModeFields);
  form.addEventListener("change", schedule);
  form.addEventListener("input", function (event) {
    if (event.target.name !== "prompt") {
      schedule();
    }
  });
  showModeFields();
  updatePrice();
})();
