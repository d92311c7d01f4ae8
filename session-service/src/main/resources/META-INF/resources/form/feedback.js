// The client's feedback form (session-service templates/feedbackForm.html): checks each answer, sends them as JSON
// to the link's own URL, thanks the client or says in words what went wrong. A file, not inline, so that the form's
// Content-Security-Policy can refuse every inline script.
(function () {
  var form = document.getElementById('feedback');
  var error = document.getElementById('error');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var answers = {};
    var inputs = form.querySelectorAll('input[data-instrument]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var label = document.querySelector('label[for="' + input.id + '"]').textContent;
      if (input.value === '' || !input.checkValidity()) {
        error.textContent = 'Please give "' + label + '" a number from ' + input.min + ' to ' + input.max + '.';
        input.focus();
        return;
      }
      answers[input.dataset.instrument] = answers[input.dataset.instrument] || {};
      answers[input.dataset.instrument][input.dataset.key] = Number(input.value);
    }
    document.getElementById('send').disabled = true;
    fetch(window.location.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ answers: answers })
    }).then(function (response) {
      if (response.ok) {
        form.hidden = true;
        var thanks = document.getElementById('thanks');
        thanks.hidden = false;
        thanks.focus();
        return;
      }
      return response.json().then(function (problem) {
        error.textContent = problem.detail || 'Your answers could not be sent.';
      }, function () {
        error.textContent = 'Your answers could not be sent (error ' + response.status + ').';
      }).then(function () { document.getElementById('send').disabled = false; });
    }, function () {
      error.textContent = 'Your answers could not be sent: no connection. Please try again.';
      document.getElementById('send').disabled = false;
    });
  });
})();
