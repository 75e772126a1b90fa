// Task pages: follow processing tasks (reload when one ends) and copy the curl command.
(function () {
  "use strict";

  var followed = document.querySelectorAll("[data-follow-status]");
  if (followed.length > 0) {
    var poll = function () {
      var checks = Array.prototype.map.call(followed, function (el) {
        return fetch(el.getAttribute("data-follow-status"), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
          .then(function (r) {
            return r.ok ? r.json() : null;
          })
          .then(function (body) {
            return body !== null && body.status !== "processing";
          });
      });
      Promise.all(checks)
        .then(function (ended) {
          if (ended.indexOf(true) >= 0) {
            window.location.reload();
          } else {
            window.setTimeout(poll, 1500);
          }
        })
        .catch(function () {
          window.setTimeout(poll, 4000);
        });
    };
    window.setTimeout(poll, 1000);
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var text = source.textContent;
      var done = function () {
        var label = button.textContent;
        button.textContent = button.getAttribute("data-copied");
        window.setTimeout(function () {
          button.textContent = label;
        }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand("copy");
        done();
      }
    });
  });
})();
