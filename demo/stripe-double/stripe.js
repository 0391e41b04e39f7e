/*
 * A stand-in for Stripe.js v10 ("endive" train) for tests and the offline demo: deferred-intent Elements with a
 * Payment Element (card only), ConfirmationTokens and handleNextAction with a 3-D Secure challenge.
 * No network except the Polar sandbox's Stripe stand-in (GET/POST {api}/__stripe/intents/...).
 *
 * Config, read at call time: window.__STRIPE_DOUBLE_CONFIG__ = { api?, tokenFailure?, mountDelayMs?, loadError? }
 * Records for tests: window.__stripeDouble = { instances: [{publishableKey, options}], calls: [{method, args, result?}] }
 */
(function () {
  'use strict';
  if (typeof window === 'undefined' || window.Stripe) return;

  // Captured now: document.currentScript is only set while this script first runs.
  var ownScript = document.currentScript;
  var ownOrigin = ownScript && ownScript.src ? new URL(ownScript.src, location.href).origin : location.origin;

  var records = window.__stripeDouble || { instances: [], calls: [] };
  window.__stripeDouble = records;

  /** @returns {{api?: string, tokenFailure?: boolean, mountDelayMs?: number, loadError?: string}} */
  function config() {
    return window.__STRIPE_DOUBLE_CONFIG__ || {};
  }

  function apiBase() {
    return String(config().api || ownOrigin).replace(/\/+$/, '');
  }

  class IntegrationError extends Error {
    constructor(message) {
      super(message);
      this.name = 'IntegrationError';
    }
  }

  function snapshot(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  function record(method, args, result) {
    var entry = { method: method, args: args.map(snapshot) };
    if (result !== undefined) entry.result = snapshot(result);
    records.calls.push(entry);
    return entry;
  }

  function randomId(length) {
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    var bytes = crypto.getRandomValues(new Uint8Array(length));
    var out = '';
    for (var i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Cards

  var OUTCOMES = {
    4242424242424242: 'success',
    4000000000000002: 'decline',
    4000000000009995: 'insufficient',
    4000002760003184: '3ds',
    4000002500003155: '3ds',
    5555555555554444: 'success',
  };

  function luhnValid(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return digits.length > 0 && sum % 10 === 0;
  }

  function brandOf(digits) {
    if (/^4/.test(digits)) return 'visa';
    if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
    if (/^3[47]/.test(digits)) return 'amex';
    if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
    return 'unknown';
  }

  function numberLength(brand) {
    return brand === 'amex' ? 15 : 16;
  }

  function cvcLength(brand) {
    return brand === 'amex' ? 4 : 3;
  }

  function formatNumber(digits) {
    var groups = brandOf(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4];
    var parts = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < digits.length; i++) {
      parts.push(digits.slice(at, at + groups[i]));
      at += groups[i];
    }
    return parts.join(' ');
  }

  function formatExpiry(digits) {
    return digits.length > 2 ? digits.slice(0, 2) + ' / ' + digits.slice(2) : digits;
  }

  var MESSAGES = {
    incomplete_number: 'Your card number is incomplete.',
    invalid_number: 'Your card number is invalid.',
    incomplete_expiry: "Your card's expiration date is incomplete.",
    invalid_expiry_month: "Your card's expiration month is invalid.",
    invalid_expiry_month_past: "Your card's expiration date is in the past.",
    invalid_expiry_year_past: "Your card's expiration year is in the past.",
    incomplete_cvc: "Your card's security code is incomplete.",
  };

  /** Per-field problem codes for the current values; `null` when the field is fine. */
  function fieldProblems(values) {
    var brand = brandOf(values.number);
    var number = null;
    if (values.number.length < numberLength(brand)) number = 'incomplete_number';
    else if (!luhnValid(values.number)) number = 'invalid_number';

    var expiry = null;
    var month = Number(values.expiry.slice(0, 2));
    var year = 2000 + Number(values.expiry.slice(2, 4));
    var now = new Date();
    if (values.expiry.length >= 2 && (month < 1 || month > 12)) expiry = 'invalid_expiry_month';
    else if (values.expiry.length < 4) expiry = 'incomplete_expiry';
    else if (year < now.getFullYear()) expiry = 'invalid_expiry_year_past';
    else if (year === now.getFullYear() && month < now.getMonth() + 1) expiry = 'invalid_expiry_month_past';

    var cvc = values.cvc.length < cvcLength(brand) ? 'incomplete_cvc' : null;
    return { number: number, expiry: expiry, cvc: cvc };
  }

  /** Problems worth showing before the buyer leaves the field: a full-length value that can never be right. */
  function eagerProblem(field, problem) {
    if (!problem) return null;
    if (field === 'number') return problem === 'invalid_number' ? problem : null;
    if (field === 'expiry') return problem === 'incomplete_expiry' ? null : problem;
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Appearance

  var THEMES = {
    stripe: { colorPrimary: '#0570de', colorBackground: '#ffffff', colorText: '#30313d', colorDanger: '#df1b41' },
    night: { colorPrimary: '#0085ff', colorBackground: '#30313d', colorText: '#ffffff', colorDanger: '#fe87a1' },
    flat: { colorPrimary: '#0570de', colorBackground: '#f6f8fa', colorText: '#30313d', colorDanger: '#df1b41' },
  };

  function themeVariables(appearance) {
    var theme = (appearance && appearance.theme) || 'stripe';
    var base = THEMES[theme] || THEMES.stripe;
    var given = (appearance && appearance.variables) || {};
    return {
      theme: theme,
      colorPrimary: given.colorPrimary || base.colorPrimary,
      colorBackground: given.colorBackground || base.colorBackground,
      colorText: given.colorText || base.colorText,
      colorDanger: given.colorDanger || base.colorDanger,
      fontFamily: given.fontFamily || 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      borderRadius: given.borderRadius || '5px',
      spacingUnit: given.spacingUnit || '2px',
    };
  }

  function themeCss(appearance) {
    var v = themeVariables(appearance);
    var unit = 'var(--spacing-unit)';
    return (
      ':root{--color-primary:' +
      v.colorPrimary +
      ';--color-background:' +
      v.colorBackground +
      ';--color-text:' +
      v.colorText +
      ';--color-danger:' +
      v.colorDanger +
      ';--font-family:' +
      v.fontFamily +
      ';--border-radius:' +
      v.borderRadius +
      ';--spacing-unit:' +
      v.spacingUnit +
      '}' +
      'html,body{margin:0;padding:0;background:transparent;color:var(--color-text);font-family:var(--font-family);font-size:15px}' +
      'form{display:grid;gap:calc(' +
      unit +
      ' * 6);padding:2px}' +
      '.tab{display:inline-flex;align-items:center;gap:6px;padding:calc(' +
      unit +
      ' * 4) calc(' +
      unit +
      ' * 6);' +
      'border:2px solid var(--color-primary);border-radius:var(--border-radius);background:var(--color-background);' +
      'color:var(--color-primary);font-weight:600;width:max-content}' +
      '.row{display:grid;grid-template-columns:1fr 1fr;gap:calc(' +
      unit +
      ' * 6)}' +
      '.field{display:grid;gap:calc(' +
      unit +
      ' * 2);align-content:start}' +
      'label{font-size:14px}' +
      'input{font:inherit;color:var(--color-text);background:var(--color-background);' +
      'border:1px solid color-mix(in srgb, var(--color-text) 25%, transparent);border-radius:var(--border-radius);' +
      'padding:calc(' +
      unit +
      ' * 6);box-sizing:border-box;width:100%;outline:none}' +
      'input:focus{border-color:var(--color-primary);box-shadow:0 0 0 3px color-mix(in srgb, var(--color-primary) 25%, transparent)}' +
      'input[aria-invalid="true"]{border-color:var(--color-danger);color:var(--color-danger)}' +
      '.error{color:var(--color-danger);font-size:13px;margin:0}' +
      '.error:empty{display:none}' +
      'body.loading form{visibility:hidden}' +
      '.skeleton{display:none;height:96px;border-radius:var(--border-radius);' +
      'background:color-mix(in srgb, var(--color-text) 8%, transparent)}' +
      'body.loading .skeleton{display:block}'
    );
  }

  var FIELDS = {
    number: {
      id: 'cardnumber',
      name: 'cardnumber',
      placeholder: '1234 1234 1234 1234',
      autocomplete: 'cc-number',
    },
    expiry: {
      id: 'exp-date',
      name: 'exp-date',
      placeholder: 'MM / YY',
      autocomplete: 'cc-exp',
    },
    cvc: { id: 'cvc', name: 'cvc', placeholder: 'CVC', autocomplete: 'cc-csc' },
  };

  /**
   * The form's words in the languages the element speaks, as Stripe shows its own in the Elements `locale` (Stripe has
   * many more): a page in German gets a German card form, and a test can see that the buyer's language reached Stripe.
   */
  var LABELS = {
    en: { tab: 'Card', number: 'Card number', expiry: 'Expiration date', cvc: 'Security code' },
    de: { tab: 'Karte', number: 'Kartennummer', expiry: 'Ablaufdatum', cvc: 'Sicherheitscode' },
    fr: { tab: 'Carte', number: 'Numéro de carte', expiry: 'Date d’expiration', cvc: 'Code de sécurité' },
    es: { tab: 'Tarjeta', number: 'Número de tarjeta', expiry: 'Fecha de caducidad', cvc: 'Código de seguridad' },
    it: { tab: 'Carta', number: 'Numero della carta', expiry: 'Data di scadenza', cvc: 'Codice di sicurezza' },
    nl: { tab: 'Kaart', number: 'Kaartnummer', expiry: 'Vervaldatum', cvc: 'Beveiligingscode' },
    pt: { tab: 'Cartão', number: 'Número do cartão', expiry: 'Data de validade', cvc: 'Código de segurança' },
    sv: { tab: 'Kort', number: 'Kortnummer', expiry: 'Utgångsdatum', cvc: 'Säkerhetskod' },
    ja: { tab: 'カード', number: 'カード番号', expiry: '有効期限', cvc: 'セキュリティコード' },
    ko: { tab: '카드', number: '카드 번호', expiry: '만료일', cvc: '보안 코드' },
    zh: { tab: '银行卡', number: '卡号', expiry: '有效期', cvc: '安全码' },
    pl: { tab: 'Karta', number: 'Numer karty', expiry: 'Data ważności', cvc: 'Kod zabezpieczający' },
    tr: { tab: 'Kart', number: 'Kart numarası', expiry: 'Son kullanma tarihi', cvc: 'Güvenlik kodu' },
  };

  function labelsFor(locale) {
    var language = locale && locale !== 'auto' ? String(locale).split('-')[0].toLowerCase() : 'en';
    return LABELS[language] || LABELS.en;
  }

  /** Puts the words of `locale` on a built form (at mount, and when `elements.update` changes the locale). */
  function labelFrame(doc, locale) {
    var labels = labelsFor(locale);
    doc.documentElement.setAttribute('lang', locale && locale !== 'auto' ? locale : 'en');
    var tab = doc.querySelector('.tab');
    if (tab) tab.textContent = labels.tab;
    Object.keys(FIELDS).forEach(function (key) {
      var label = doc.querySelector('label[for="' + FIELDS[key].id + '"]');
      if (label) label.textContent = labels[key];
    });
  }

  /**
   * Builds `spec` (`[tag, attributes, ...children]` or a string) with DOM calls. The frames are about:blank documents
   * built this way, not `srcdoc` or `innerHTML` strings: they inherit the page's CSP, and under
   * `require-trusted-types-for 'script'` HTML strings need a Trusted Types policy (real Stripe frames are cross-origin).
   */
  function build(doc, spec) {
    if (typeof spec === 'string') return doc.createTextNode(spec);
    var node = doc.createElement(spec[0]);
    var attributes = spec[1] || {};
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    for (var i = 2; i < spec.length; i++) node.appendChild(build(doc, spec[i]));
    return node;
  }

  /** A constructed stylesheet, not a `<style>` element, which a page without `style-src 'unsafe-inline'` blocks. */
  function styleFrame(doc, css) {
    var sheet = doc.adoptedStyleSheets[0] || new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
  }

  function fieldSpec(key) {
    var f = FIELDS[key];
    return [
      'div',
      { class: 'field' },
      ['label', { for: f.id }], // worded by labelFrame
      [
        'input',
        {
          id: f.id,
          name: f.name,
          placeholder: f.placeholder,
          autocomplete: f.autocomplete,
          inputmode: 'numeric',
          spellcheck: 'false',
          'aria-describedby': f.id + '-error',
        },
      ],
      ['p', { class: 'error', id: f.id + '-error', role: 'alert' }],
    ];
  }

  /** Fills the Payment Element's (about:blank) frame unless it already holds the form. */
  function buildPaymentFrame(doc, appearance, locale) {
    if (doc.querySelector('form')) return;
    styleFrame(doc, themeCss(appearance));
    doc.body.className = 'loading';
    doc.body.replaceChildren(
      build(doc, ['div', { class: 'skeleton' }]),
      build(doc, [
        'form',
        { novalidate: '' },
        ['div', { class: 'tab', role: 'tab', 'aria-selected': 'true' }],
        fieldSpec('number'),
        ['div', { class: 'row' }, fieldSpec('expiry'), fieldSpec('cvc')],
      ]),
    );
    labelFrame(doc, locale);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Payment Element

  var ELEMENT_EVENTS = [
    'change',
    'ready',
    'focus',
    'blur',
    'escape',
    'loaderstart',
    'loaderror',
    'carddetailschange',
    'savedpaymentmethodupdate',
    'savedpaymentmethodremove',
  ];
  var frameCounter = 0;

  function createPaymentElement(group, options) {
    var listeners = {};
    var state = {
      values: { number: '', expiry: '', cvc: '' },
      shown: { number: null, expiry: null, cvc: null },
      options: Object.assign({}, options),
      container: null,
      wrapper: null,
      iframe: null,
      mountToken: 0,
      ready: false,
      destroyed: false,
      focused: false,
    };

    function emit(type, payload) {
      (listeners[type] || []).slice().forEach(function (entry) {
        if (entry.once) off(type, entry.handler);
        entry.handler(payload);
      });
    }

    function on(type, handler, once) {
      var name = String(type).toLowerCase();
      if (ELEMENT_EVENTS.indexOf(name) === -1) {
        throw new IntegrationError('Invalid value for on(): "' + type + '" is not a Payment Element event.');
      }
      if (typeof handler !== 'function') throw new IntegrationError('on(): handler should be a function.');
      (listeners[name] = listeners[name] || []).push({ handler: handler, once: !!once });
      return element;
    }

    function off(type, handler) {
      var name = String(type).toLowerCase();
      listeners[name] = (listeners[name] || []).filter(function (entry) {
        return handler !== undefined && entry.handler !== handler;
      });
      return element;
    }

    function frameDoc() {
      return state.iframe && state.iframe.contentDocument;
    }

    function input(key) {
      var doc = frameDoc();
      return doc && doc.getElementById(FIELDS[key].id);
    }

    function changePayload() {
      var problems = fieldProblems(state.values);
      var v = state.values;
      return {
        elementType: 'payment',
        empty: !v.number && !v.expiry && !v.cvc,
        complete: !problems.number && !problems.expiry && !problems.cvc,
        collapsed: false,
        value: { type: 'card' },
      };
    }

    function updateContainerClasses() {
      if (!state.container) return;
      var payload = changePayload();
      var shown = state.shown;
      var list = state.container.classList;
      list.add('StripeElement');
      list.toggle('StripeElement--empty', payload.empty);
      list.toggle('StripeElement--complete', payload.complete);
      list.toggle('StripeElement--invalid', !!(shown.number || shown.expiry || shown.cvc));
      list.toggle('StripeElement--focus', state.focused);
    }

    function fitHeight() {
      var doc = frameDoc();
      // What the body holds, not the body: an about:blank frame is in quirks mode, where the body stretches to the
      // frame's own height, so it would never shrink (and grew past the form).
      if (state.iframe && doc && doc.body) {
        var bottom = 0;
        for (var i = 0; i < doc.body.children.length; i++) {
          bottom = Math.max(bottom, doc.body.children[i].getBoundingClientRect().bottom);
        }
        state.iframe.style.height = Math.ceil(bottom) + 'px';
      }
    }

    function showProblem(key, code) {
      state.shown[key] = code;
      var field = input(key);
      if (field) {
        field.setAttribute('aria-invalid', code ? 'true' : 'false');
        var message = frameDoc().getElementById(FIELDS[key].id + '-error');
        message.textContent = code ? MESSAGES[code] : '';
      }
      updateContainerClasses();
      fitHeight();
    }

    function render() {
      Object.keys(FIELDS).forEach(function (key) {
        var field = input(key);
        if (!field) return;
        var v = state.values[key];
        field.value = key === 'number' ? formatNumber(v) : key === 'expiry' ? formatExpiry(v) : v;
        field.readOnly = !!state.options.readOnly;
      });
      Object.keys(state.shown).forEach(function (key) {
        showProblem(key, state.shown[key]);
      });
    }

    function onFieldInput(key, field) {
      var digits = field.value.replace(/\D/g, '');
      if (key === 'number') digits = digits.slice(0, 19).slice(0, numberLength(brandOf(digits)));
      if (key === 'expiry') {
        if (digits.length === 1 && Number(digits) > 1) digits = '0' + digits;
        digits = digits.slice(0, 4);
      }
      if (key === 'cvc') digits = digits.slice(0, cvcLength(brandOf(state.values.number)));
      state.values[key] = digits;
      group._invalidateSubmit();
      var problems = fieldProblems(state.values);
      var eager = eagerProblem(key, problems[key]);
      // A shown message stays until the value is fixed; a new one appears only when it can no longer be right.
      showProblem(key, eager || (state.shown[key] && problems[key]) || null);
      render();
      emit('change', changePayload());
    }

    function wireFrame(token) {
      var doc = frameDoc();
      if (!doc || token !== state.mountToken) return;
      Object.keys(FIELDS).forEach(function (key) {
        var field = input(key);
        field.addEventListener('input', function () {
          onFieldInput(key, field);
        });
        field.addEventListener('blur', function () {
          showProblem(key, state.values[key] ? fieldProblems(state.values)[key] : state.shown[key]);
        });
        field.addEventListener('keydown', function (event) {
          if (event.key === 'Escape') emit('escape', { elementType: 'payment' });
        });
      });
      doc.addEventListener('focusin', function () {
        if (state.focused) return;
        state.focused = true;
        updateContainerClasses();
        emit('focus', { elementType: 'payment' });
      });
      doc.addEventListener('focusout', function (event) {
        if (event.relatedTarget && doc.contains(event.relatedTarget)) return;
        state.focused = false;
        updateContainerClasses();
        emit('blur', { elementType: 'payment' });
      });
      doc.querySelector('form').addEventListener('submit', function (event) {
        event.preventDefault();
      });
      render();

      var delay = Number(config().mountDelayMs) || 0;
      setTimeout(function () {
        if (token !== state.mountToken) return;
        var loadError = config().loadError;
        if (loadError) {
          emit('loaderror', {
            elementType: 'payment',
            error: { type: 'invalid_request_error', message: String(loadError) },
          });
          return;
        }
        doc.body.classList.remove('loading');
        fitHeight();
        state.ready = true;
        emit('ready', { elementType: 'payment' });
      }, delay);
    }

    function resolveTarget(target) {
      if (typeof target === 'string') {
        var found = document.querySelector(target);
        if (!found) {
          throw new IntegrationError(
            'The selector you specified (' +
              target +
              ') applies to no DOM elements that are currently on the page.\n' +
              'Make sure the element exists on the page before calling mount().',
          );
        }
        return found;
      }
      if (!(target instanceof HTMLElement)) {
        throw new IntegrationError(
          'Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.',
        );
      }
      return target;
    }

    var element = {
      mount: function (target) {
        record('element.mount', [typeof target === 'string' ? target : '[HTMLElement]']);
        if (state.destroyed)
          throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
        if (state.container) {
          throw new IntegrationError(
            'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.',
          );
        }
        var el = resolveTarget(target);
        var root = el.getRootNode();
        if (root instanceof ShadowRoot) {
          throw new IntegrationError('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.');
        }
        if (root !== document) {
          throw new IntegrationError(
            'The container DOM element you passed to mount() is not attached to the document. ' +
              'Attach it before calling mount().',
          );
        }

        var token = ++state.mountToken;
        state.container = el;
        state.ready = false;
        var wrapper = document.createElement('div');
        wrapper.className = '__PrivateStripeElement';
        wrapper.style.cssText =
          'margin:0;padding:0;border:none;display:block;background:transparent;position:relative;';
        var iframe = document.createElement('iframe');
        iframe.name = '__privateStripeFrame' + (5000 + ++frameCounter);
        iframe.title = 'Secure payment input frame';
        iframe.setAttribute('frameborder', '0');
        iframe.setAttribute('allowtransparency', 'true');
        iframe.setAttribute('scrolling', 'no');
        iframe.setAttribute('role', 'presentation');
        iframe.setAttribute('allow', 'payment *');
        iframe.style.cssText =
          'border:none;margin:0;padding:0;width:1px;min-width:100%;overflow:hidden;display:block;user-select:none;' +
          'height:120px;color-scheme:normal;background:transparent;';
        iframe.addEventListener('load', function () {
          var doc = iframe.contentDocument;
          if (doc) buildPaymentFrame(doc, group._options.appearance, group._options.locale);
          wireFrame(token);
        });
        wrapper.appendChild(iframe);
        state.wrapper = wrapper;
        state.iframe = iframe;
        setTimeout(function () {
          if (token === state.mountToken) emit('loaderstart', { elementType: 'payment' });
        }, 0);
        el.appendChild(wrapper);
        updateContainerClasses();
      },
      unmount: function () {
        record('element.unmount', []);
        state.mountToken++;
        if (state.wrapper) state.wrapper.remove();
        if (state.container) {
          state.container.classList.remove(
            'StripeElement',
            'StripeElement--empty',
            'StripeElement--complete',
            'StripeElement--invalid',
            'StripeElement--focus',
          );
        }
        state.container = null;
        state.wrapper = null;
        state.iframe = null;
        state.ready = false;
        state.focused = false;
      },
      destroy: function () {
        record('element.destroy', []);
        if (state.destroyed) return;
        element.unmount();
        state.destroyed = true;
        listeners = {};
        group._forget(element);
      },
      focus: function () {
        var field = input('number');
        if (field) {
          state.iframe.contentWindow.focus();
          field.focus();
        }
      },
      blur: function () {
        var doc = frameDoc();
        if (doc && doc.activeElement && doc.activeElement.blur) doc.activeElement.blur();
      },
      clear: function () {
        state.values = { number: '', expiry: '', cvc: '' };
        state.shown = { number: null, expiry: null, cvc: null };
        group._invalidateSubmit();
        render();
        emit('change', changePayload());
      },
      collapse: function () {
        record('element.collapse', []);
      },
      update: function (partial) {
        record('element.update', [partial]);
        Object.assign(state.options, partial || {});
        render();
      },
      on: function (type, handler) {
        return on(type, handler, false);
      },
      once: function (type, handler) {
        return on(type, handler, true);
      },
      off: off,
      toJSON: function () {
        return '[StripePaymentElement]';
      },
      // Used by the Elements group, not part of Stripe's API.
      _state: state,
      _restyle: function () {
        var doc = frameDoc();
        if (doc && doc.querySelector('form')) {
          styleFrame(doc, themeCss(group._options.appearance));
          labelFrame(doc, group._options.locale);
        }
        fitHeight();
      },
      _validate: function () {
        var problems = fieldProblems(state.values);
        var first = null;
        ['number', 'expiry', 'cvc'].forEach(function (key) {
          if (problems[key]) {
            showProblem(key, problems[key]);
            first = first || problems[key];
          }
        });
        return first;
      },
    };
    return element;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Elements group

  var MODES = ['payment', 'subscription', 'setup'];
  var SETUP_FUTURE_USAGES = ['off_session', 'on_session'];

  function validateElementsOptions(options, caller) {
    if (options.mode !== undefined && options.clientSecret !== undefined) {
      throw new IntegrationError(
        'Invalid value for ' +
          caller +
          ': `mode` and `clientSecret` cannot be used together. ' +
          'Pass `mode` for a deferred intent, or `clientSecret` for an existing intent.',
      );
    }
    if (options.mode === undefined) return;
    if (MODES.indexOf(options.mode) === -1) {
      throw new IntegrationError(
        'Invalid value for ' +
          caller +
          ': mode should be one of the following strings: payment, setup, subscription. ' +
          'You specified: ' +
          options.mode +
          '.',
      );
    }
    if (options.mode !== 'setup') {
      var min = options.mode === 'payment' ? 1 : 0;
      if (typeof options.amount !== 'number' || !Number.isInteger(options.amount) || options.amount < min) {
        throw new IntegrationError(
          'Invalid value for ' +
            caller +
            ': amount should be ' +
            (min ? 'a positive' : 'a non-negative') +
            ' integer when mode is ' +
            options.mode +
            '. You specified: ' +
            options.amount +
            '.',
        );
      }
      if (options.currency === undefined) {
        throw new IntegrationError('Missing value for ' + caller + ': currency should be a string.');
      }
    }
    if (options.currency !== undefined && !/^[a-z]{3}$/.test(options.currency)) {
      throw new IntegrationError(
        'Invalid value for ' +
          caller +
          ': currency should be a lowercase three-letter ISO currency code. ' +
          'You specified: ' +
          options.currency +
          '.',
      );
    }
    if (
      options.setupFutureUsage !== undefined &&
      options.setupFutureUsage !== null &&
      SETUP_FUTURE_USAGES.indexOf(options.setupFutureUsage) === -1
    ) {
      throw new IntegrationError(
        'Invalid value for ' +
          caller +
          ': setupFutureUsage should be off_session, on_session or null. ' +
          'You specified: ' +
          options.setupFutureUsage +
          '.',
      );
    }
    if (options.paymentMethodCreation !== undefined && options.paymentMethodCreation !== 'manual') {
      throw new IntegrationError(
        'Invalid value for ' +
          caller +
          ': paymentMethodCreation should be "manual". You specified: ' +
          options.paymentMethodCreation +
          '.',
      );
    }
  }

  function createElementsGroup(stripe, options) {
    var paymentElement = null;
    var submitted = false;

    var group = {
      _options: Object.assign({}, options),
      create: function (type, elementOptions) {
        record('elements.create', [type, elementOptions]);
        if (type !== 'payment') {
          throw new IntegrationError(
            'This Stripe.js test double only provides the payment Element, not "' + type + '".',
          );
        }
        if (!group._options.mode && !group._options.clientSecret) {
          throw new IntegrationError(
            'In order to create a payment element, you must pass a valid PaymentIntent or SetupIntent client secret, ' +
              'or a `mode`, when creating the Elements group.',
          );
        }
        if (paymentElement) throw new IntegrationError('Can only create one Element of type payment.');
        paymentElement = createPaymentElement(group, elementOptions || {});
        return paymentElement;
      },
      getElement: function (type) {
        return type === 'payment' ? paymentElement : null;
      },
      update: function (partial) {
        record('elements.update', [partial]);
        var next = Object.assign({}, group._options, partial || {});
        if (partial && partial.mode === 'setup' && partial.amount === undefined) delete next.amount;
        validateElementsOptions(next, 'elements.update()');
        group._options = next;
        if (paymentElement) paymentElement._restyle();
        return Promise.resolve();
      },
      fetchUpdates: function () {
        return Promise.resolve({});
      },
      on: function () {},
      submit: function () {
        record('elements.submit', []);
        if (!paymentElement || !paymentElement._state.container) {
          return Promise.reject(
            new IntegrationError('elements.submit(): no mounted Payment Element was found in this Elements group.'),
          );
        }
        var code = paymentElement._validate();
        if (code) {
          submitted = false;
          return Promise.resolve({ error: { type: 'validation_error', code: code, message: MESSAGES[code] } });
        }
        submitted = true;
        return Promise.resolve({ selectedPaymentMethod: 'card' });
      },
      toJSON: function () {
        return '[StripeElements]';
      },
      _stripe: stripe,
      _wasSubmitted: function () {
        return submitted;
      },
      _invalidateSubmit: function () {
        submitted = false;
      },
      _forget: function (element) {
        if (paymentElement === element) paymentElement = null;
      },
      _paymentElement: function () {
        return paymentElement;
      },
    };
    return group;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Confirmation tokens

  function requireNeverCollectedDetails(elementOptions, billing) {
    var fields = (elementOptions && elementOptions.fields && elementOptions.fields.billingDetails) || 'auto';
    var wanted = {};
    ['name', 'email', 'phone', 'address'].forEach(function (key) {
      wanted[key] = fields === 'never' ? 'never' : typeof fields === 'object' ? fields[key] : undefined;
    });
    var missing = [];
    ['name', 'email', 'phone'].forEach(function (key) {
      if (wanted[key] === 'never' && (!billing || billing[key] === undefined)) missing.push(key);
    });
    if (wanted.address === 'never') {
      ['line1', 'line2', 'city', 'state', 'postal_code', 'country'].forEach(function (key) {
        if (!billing || !billing.address || billing.address[key] === undefined) missing.push('address.' + key);
      });
    }
    if (missing.length) {
      throw new IntegrationError(
        'You specified "never" for fields.billing_details.' +
          missing[0].split('.')[0] +
          ' when creating the payment ' +
          'Element, but did not pass params.payment_method_data.billing_details.' +
          missing[0] +
          ' when calling ' +
          'stripe.createConfirmationToken(). Data the Payment Element does not collect must be passed in here.',
      );
    }
  }

  async function createConfirmationToken(options) {
    var elements = options && options.elements;
    var params = (options && options.params) || {};
    var entry = record('createConfirmationToken', [{ elements: elements, params: params }]);
    if (!elements || typeof elements._wasSubmitted !== 'function') {
      throw new IntegrationError('Invalid value for createConfirmationToken(): elements should be an Elements group.');
    }
    if (!elements._wasSubmitted()) {
      throw new IntegrationError(
        'elements.submit() must be called before stripe.createConfirmationToken(). Call elements.submit() as soon ' +
          'as your customer presses pay, prior to any asynchronous work.',
      );
    }
    var element = elements._paymentElement();
    var billing = (params.payment_method_data && params.payment_method_data.billing_details) || undefined;
    requireNeverCollectedDetails(element && element._state.options, billing);

    var result;
    if (config().tokenFailure) {
      result = {
        error: {
          type: 'api_connection_error',
          message: 'An error occurred with our connection to Stripe. Request was retried 2 times.',
        },
      };
    } else {
      var values = element._state.values;
      var brand = brandOf(values.number);
      var outcome = OUTCOMES[values.number] || 'success';
      var now = Math.floor(Date.now() / 1000);
      result = {
        confirmationToken: {
          id: 'ctoken_' + outcome + '_' + randomId(24),
          object: 'confirmation_token',
          created: now,
          expires_at: now + 12 * 60 * 60,
          livemode: false,
          mandate_data: null,
          payment_intent: null,
          setup_intent: null,
          payment_method_options: null,
          return_url: params.return_url || null,
          setup_future_usage: elements._options.setupFutureUsage || null,
          shipping: params.shipping || null,
          use_stripe_sdk: true,
          payment_method_preview: {
            type: 'card',
            allow_redisplay: 'unspecified',
            customer: null,
            billing_details: billing === undefined ? null : snapshot(billing),
            card: {
              brand: brand,
              display_brand: brand,
              last4: values.number.slice(-4),
              exp_month: Number(values.expiry.slice(0, 2)),
              exp_year: 2000 + Number(values.expiry.slice(2, 4)),
              country: 'US',
              funding: 'credit',
              wallet: null,
              networks: { available: [brand], preferred: null },
              three_d_secure_usage: { supported: true },
            },
          },
        },
      };
    }
    entry.result = snapshot(result);
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Next actions (3-D Secure)

  var AUTHENTICATION_FAILURE_MESSAGE =
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

  var CHALLENGE_CSS =
    'body{margin:0;font-family:system-ui,sans-serif;color:#30313d;background:#fff;padding:24px;display:grid;gap:16px}' +
    'h1{font-size:18px;margin:0}p{margin:0;color:#6d6e78}' +
    '.actions{display:flex;gap:12px;flex-wrap:wrap}' +
    'button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #d5d5db;background:#fff;cursor:pointer}' +
    'button.primary{background:#0570de;border-color:#0570de;color:#fff}';

  function buildChallengeFrame(doc) {
    if (doc.querySelector('button')) return;
    doc.documentElement.setAttribute('lang', 'en');
    styleFrame(doc, CHALLENGE_CSS);
    doc.body.replaceChildren(
      build(doc, ['h1', {}, 'Test payment authentication']),
      build(doc, ['p', {}, 'This test card requires 3-D Secure. Choose how the bank should answer.']),
      build(doc, [
        'div',
        { class: 'actions' },
        ['button', { type: 'button', class: 'primary', 'data-outcome': 'succeeded' }, 'Complete authentication'],
        ['button', { type: 'button', 'data-outcome': 'failed' }, 'Fail authentication'],
      ]),
    );
  }

  function showChallenge() {
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.setAttribute('data-stripe-double-3ds', '');
      overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;' +
        'justify-content:center;';
      var iframe = document.createElement('iframe');
      iframe.title = '3D Secure challenge';
      iframe.name = '__privateStripeFrame3ds' + (5000 + ++frameCounter);
      iframe.style.cssText = 'border:none;width:min(420px,92vw);height:260px;border-radius:8px;background:#fff;';
      iframe.addEventListener('load', function () {
        var doc = iframe.contentDocument;
        buildChallengeFrame(doc);
        doc.querySelectorAll('button[data-outcome]').forEach(function (button) {
          button.addEventListener('click', function () {
            doc.querySelectorAll('button').forEach(function (b) {
              b.disabled = true;
            });
            resolve({ outcome: button.getAttribute('data-outcome'), overlay: overlay });
          });
        });
      });
      overlay.appendChild(iframe);
      document.body.appendChild(overlay);
    });
  }

  function connectionError(message) {
    return { error: { type: 'api_connection_error', message: message } };
  }

  async function handleNextAction(options) {
    var clientSecret = options && options.clientSecret;
    var entry = record('handleNextAction', [{ clientSecret: clientSecret }]);
    var match =
      typeof clientSecret === 'string' && /^((pi|seti)_[A-Za-z0-9_]+?)_secret_[A-Za-z0-9_]+$/.exec(clientSecret);
    if (!match) {
      throw new IntegrationError(
        'Invalid value for handleNextAction(): clientSecret should be a client secret of the form ' +
          '${id}_secret_${secret}. You specified: ' +
          clientSecret +
          '.',
      );
    }
    var id = match[1];
    var objectName = match[2] === 'pi' ? 'payment_intent' : 'setup_intent';
    var resultKey = match[2] === 'pi' ? 'paymentIntent' : 'setupIntent';
    var url = apiBase() + '/__stripe/intents/' + encodeURIComponent(id);

    function finish(result) {
      entry.result = snapshot(result);
      return result;
    }

    var intent;
    try {
      var response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.status === 404) {
        return finish({
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: 'No such ' + objectName + ": '" + id + "'",
          },
        });
      }
      if (!response.ok) return finish(connectionError('Stripe answered ' + response.status + ' for ' + id + '.'));
      intent = await response.json();
    } catch {
      return finish(connectionError('An error occurred with our connection to Stripe.'));
    }
    if (intent.status !== 'requires_action') {
      throw new IntegrationError(
        'handleNextAction(): the ' +
          objectName.replace('_', ' ') +
          ' ' +
          id +
          ' is not in the requires_action state ' +
          '(its status is ' +
          intent.status +
          '), so there is no next action to handle.',
      );
    }

    var choice = await showChallenge();
    var authenticated;
    try {
      var answer = await fetch(url + '/authenticate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ outcome: choice.outcome }),
      });
      if (!answer.ok) {
        choice.overlay.remove();
        return finish(connectionError('Stripe answered ' + answer.status + ' while authenticating ' + id + '.'));
      }
      authenticated = await answer.json().catch(function () {
        return {};
      });
    } catch {
      choice.overlay.remove();
      return finish(connectionError('An error occurred with our connection to Stripe.'));
    }
    choice.overlay.remove();

    var base = Object.assign({}, intent, authenticated || {}, {
      id: id,
      object: objectName,
      client_secret: clientSecret,
    });
    if (choice.outcome === 'succeeded') {
      base.status = (authenticated && authenticated.status) || 'succeeded';
      var success = {};
      success[resultKey] = base;
      return finish(success);
    }
    base.status = 'requires_payment_method';
    var failure = {
      error: {
        type: 'invalid_request_error',
        code: objectName + '_authentication_failure',
        message: AUTHENTICATION_FAILURE_MESSAGE,
      },
    };
    failure.error[objectName] = base;
    return finish(failure);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Stripe()

  function Stripe(publishableKey, options) {
    if (typeof publishableKey !== 'string' || publishableKey === '') {
      throw new IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
    }
    if (/^(sk|rk)_/.test(publishableKey)) {
      throw new IntegrationError(
        'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
      );
    }
    records.instances.push({ publishableKey: publishableKey, options: snapshot(options || {}) });
    record('Stripe', [publishableKey, options || {}]);

    var instance = {
      elements: function (elementsOptions) {
        var opts = elementsOptions || {};
        record('elements', [opts]);
        validateElementsOptions(opts, 'elements()');
        return createElementsGroup(instance, opts);
      },
      createConfirmationToken: createConfirmationToken,
      handleNextAction: handleNextAction,
      registerAppInfo: function () {},
      _registerWrapper: function () {},
      toJSON: function () {
        return '[Stripe]';
      },
    };
    return instance;
  }

  window.Stripe = Object.assign(Stripe, { version: 'endive' });
})();
