/* inkubator: progressive enhancements only; every page works without JavaScript. */
(function () {
  "use strict";
  // Submit the language form as soon as a language is chosen (the button stays for keyboard users).
  var select = document.getElementById("language-select");
  if (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
})();
