/*
 * The join page's device check: a camera preview, a microphone level meter and a test tone for
 * the speaker. Nothing leaves the browser. The phone field shows only with the phone choice.
 */
(function () {
  'use strict';

  var section = document.getElementById('device-check');
  var preview = document.getElementById('camera-preview');
  var meter = document.getElementById('mic-level');
  var status = document.getElementById('check-status');
  var checkButton = document.getElementById('check-devices');
  var toneButton = document.getElementById('test-speaker');
  var stream = null;
  var audioContext = null;

  function say(key) {
    status.textContent = section.dataset[key] || '';
  }

  async function check() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say('msgUnsupported');
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
    } catch (e) {
      say(e && e.name === 'NotAllowedError' ? 'msgDenied' : 'msgNodevice');
      return;
    }
    preview.srcObject = stream;
    section.dataset.checked = 'true';
    say('msgOk');
    audioContext = audioContext || new AudioContext();
    var analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    audioContext.createMediaStreamSource(stream).connect(analyser);
    var samples = new Uint8Array(analyser.fftSize);
    (function level() {
      analyser.getByteTimeDomainData(samples);
      var peak = 0;
      for (var i = 0; i < samples.length; i++) {
        peak = Math.max(peak, Math.abs(samples[i] - 128) / 128);
      }
      meter.value = peak;
      if (stream) {
        requestAnimationFrame(level);
      }
    }());
  }

  function tone() {
    audioContext = audioContext || new AudioContext();
    var oscillator = audioContext.createOscillator();
    var gain = audioContext.createGain();
    oscillator.frequency.value = 440;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audioContext.destination);
    oscillator.start();
    oscillator.stop(audioContext.currentTime + 1);
    say('msgTone');
  }

  if (section && checkButton) {
    checkButton.addEventListener('click', check);
    toneButton.addEventListener('click', tone);
  }

  // Release the camera before the browser moves on to the room.
  window.addEventListener('pagehide', function () {
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
  });

  var phoneField = document.getElementById('phone-field');
  var choices = document.querySelectorAll('input[name="choice"]');
  function showPhone() {
    var chosen = document.querySelector('input[name="choice"]:checked');
    if (phoneField) {
      phoneField.hidden = !chosen || chosen.value !== 'PHONE';
    }
  }
  choices.forEach(function (c) { c.addEventListener('change', showPhone); });
  showPhone();
}());
