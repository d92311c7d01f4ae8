// Alliance Pulse pages: sign-in at Keycloak (authorization code flow with PKCE, a public client), then the REST APIs
// of this service with the access token. No client names exist here to show: ids, codes and numbers only.
'use strict';

const main = document.getElementById('main');
const statusLine = () => document.getElementById('status');

// ---- sign-in ------------------------------------------------------------------------------------------------------

async function config() {
  const response = await fetch('/pages/config.json');
  return response.json();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomText(length) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return base64url(bytes).slice(0, length);
}

function here() {
  return location.origin + location.pathname;
}

/** The access token: from this tab's storage, from the code Keycloak just sent back, or by going to sign in. */
async function token() {
  const stored = JSON.parse(sessionStorage.getItem('ap.token') || 'null');
  if (stored && stored.expires > Date.now() + 10000) {
    return stored.accessToken;
  }
  const { issuer, clientId } = await config();
  const params = new URLSearchParams(location.search);
  if (params.get('code') && params.get('state') === sessionStorage.getItem('ap.state')) {
    const body = new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: here(), client_id: clientId,
      code_verifier: sessionStorage.getItem('ap.verifier'),
    });
    const response = await fetch(issuer + '/protocol/openid-connect/token', { method: 'POST', body });
    if (!response.ok) {
      throw new Error('sign-in failed (' + response.status + ')');
    }
    const granted = await response.json();
    sessionStorage.setItem('ap.token', JSON.stringify({
      accessToken: granted.access_token, expires: Date.now() + granted.expires_in * 1000,
    }));
    history.replaceState(null, '', here()); // the code is used up: keep it out of the address bar
    return granted.access_token;
  }
  const verifier = randomText(64);
  const state = randomText(24);
  sessionStorage.setItem('ap.verifier', verifier);
  sessionStorage.setItem('ap.state', state);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  location.assign(issuer + '/protocol/openid-connect/auth?' + new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: here(), scope: 'openid', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  }));
  return new Promise(() => {}); // the browser is leaving
}

function claims(accessToken) {
  const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

async function api(path, options = {}) {
  const accessToken = await token();
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: 'Bearer ' + accessToken, 'Content-Type': 'application/json', ...(options.headers || {}) },
  });
  const reading = !options.method || options.method === 'GET';
  if (response.status === 401 && reading && !sessionStorage.getItem('ap.signed-in-again')) {
    // the service no longer takes this token, though it has not run out here (revoked, a rotated key, a clock
    // ahead): sign in again, once - the page was left at "Something went wrong" with no way back (outside probe)
    sessionStorage.removeItem('ap.token');
    sessionStorage.setItem('ap.signed-in-again', 'yes');
    location.reload();
    return new Promise(() => {}); // the browser is leaving
  }
  if (response.ok) {
    sessionStorage.removeItem('ap.signed-in-again');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail || problem.title || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// ---- small helpers ------------------------------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function words(text) {
  return String(text).toLowerCase().replace(/_/g, ' ');
}

/** Shows the page's content; aria-busy=false tells assistive technology (and the browser test) it has arrived. */
function show(...nodes) {
  main.replaceChildren(...nodes);
  main.setAttribute('aria-busy', 'false');
}

function fail(error) {
  show(element('h1', {}, error.status === 404 ? 'Nothing to show'
    : error.status === 403 ? 'Not for your role' : 'Something went wrong'),
    element('p', { class: 'error', role: 'alert' }, error.status === 404
      ? 'There is no such alert or client for you (it may belong to another clinic or therapist).'
      : error.status === 403 ? 'You may not see this page: ' + error.message : error.message));
}

/** What each alert kind means, and what the literature suggests doing (CLINICAL.md and its sources). */
const MEANING = {
  RUPTURE: ['The alliance fell clearly below this client\'s own usual level: at two sessions in a row, or at one '
    + 'session by so much that it needs no second.',
    'Raise it with the client at the start of the next session: name what you noticed and invite their view '
    + '(metacommunication); attend to the pillar that fell. Repaired ruptures go with better outcomes '
    + '(Safran and Muran; Eubanks, Muran and Safran 2018).'],
  UNRESOLVED_RUPTURE: ['The rupture has not been repaired within six scored sessions.',
    'Make the rupture the explicit topic; consider supervision or consultation on the case.'],
  FIT_CONCERN: ['The alliance has stayed low from the third session on, without a fall from a higher level.',
    'Discuss fit openly with the client: goals, tasks and the relationship; consider another therapist or approach '
    + 'if it does not improve ("time to move on", PCOMS practice).'],
  DROPOUT_RISK: ['The client\'s pattern (attendance, alliance, outcome, feedback) resembles that of clients who stop '
    + 'coming without ending the work together.',
    'Reach out before the next appointment, ask about obstacles and what would help, and review the goals together. '
    + 'Feedback-informed care reduces dropout (de Jong 2021).'],
};

// ---- the alert page -----------------------------------------------------------------------------------------------

/** How a resolved alert ended, in words, with the session that ended it (dates are the sessions' own). */
const RESOLUTION = {
  REPAIRED: 'the alliance came back to its level before the rupture',
  ESCALATED: 'not repaired within six scored sessions: an unresolved-rupture alert took its place',
  FIT_IMPROVED: 'the alliance was at or above the fit level three scored sessions in a row',
  RISK_CLEARED: 'the dropout-risk score fell below the level that clears it',
  EPISODE_CLOSED: 'the episode of care ended',
  REASSIGNED: 'the client moved to another therapist',
  WITHDRAWN: 'a correction of the sessions took away what raised it',
};

const ENDINGS = new Set(['EPISODE_CLOSED', 'REASSIGNED']);

function resolutionLine(alert) {
  if (alert.status !== 'RESOLVED') {
    return '';
  }
  const why = RESOLUTION[alert.resolution] || words(alert.resolution || 'resolved');
  if (ENDINGS.has(alert.resolution)) {
    // no session resolved it: the day the change of therapist or the ending took effect, after the last session
    const after = alert.resolvedSessionNumber
      ? ' (after session ' + alert.resolvedSessionNumber + ' of ' + alert.resolvedSessionDate + ')' : '';
    return element('p', { id: 'resolution', class: 'resolution' }, 'Resolved on ', alert.resolvedOn || '', after,
      ': ', why, '.');
  }
  const when = alert.resolvedSessionNumber ? ' at session ' + alert.resolvedSessionNumber : '';
  const day = alert.resolvedSessionDate ? ' (' + alert.resolvedSessionDate + ')' : '';
  return element('p', { id: 'resolution', class: 'resolution' }, 'Resolved', when, day, ': ', why, '.');
}

function acknowledgedLine(alert) {
  if (!alert.acknowledgedBy) {
    return '';
  }
  return ['Acknowledged by ', alert.acknowledgedBy, ' on ', String(alert.acknowledgedAt).slice(0, 16).replace('T', ' '),
    ' UTC', alert.acknowledgementNote ? ': “' + alert.acknowledgementNote + '”' : '', '.'];
}

// An acknowledgement whose sign-in ran out on the way is kept in this tab and sent once the user is back.
const PENDING = 'ap.pending-acknowledgement';

async function alertPage() {
  const id = location.pathname.split('/').pop();
  const alert = await api('/api/alerts/' + encodeURIComponent(id));
  const alliance = await api('/api/dyads/' + alert.clientId + '/alliance');
  const dyad = alliance.dyads.find(d => d.dyadId === alert.dyadId) || alliance.dyads[alliance.dyads.length - 1];
  const meaning = MEANING[alert.kind] || ['', ''];
  const statusText = element('span', { id: 'alert-status', class: 'state', tabindex: '-1' }, words(alert.status));
  const acknowledged = element('p', { id: 'acknowledged', 'aria-live': 'polite' }, acknowledgedLine(alert));
  const note = element('textarea', { id: 'note', maxlength: '2000', rows: '2' });
  const acknowledge = element('button', { id: 'acknowledge', type: 'button' }, 'Acknowledge');
  const open = alert.status === 'OPEN';
  acknowledge.disabled = !open;
  note.disabled = !open;
  const send = async text => {
    acknowledge.disabled = true;
    sessionStorage.setItem(PENDING, JSON.stringify({ id: alert.id, note: text }));
    try {
      const done = await api('/api/alerts/' + alert.id + '/acknowledge',
        { method: 'POST', body: JSON.stringify(text ? { note: text } : {}) });
      sessionStorage.removeItem(PENDING);
      statusText.textContent = words(done.status);
      acknowledged.replaceChildren(...[].concat(acknowledgedLine(done)).map(part => document.createTextNode(part)));
      note.disabled = true;
      statusText.focus();
    } catch (error) {
      if (error.status === 401) {
        // the sign-in ran out: sign in again; the acknowledgement waits in this tab and is sent on return
        sessionStorage.removeItem('ap.token');
        location.reload();
        return;
      }
      sessionStorage.removeItem(PENDING);
      statusText.textContent = 'could not acknowledge: ' + error.message;
      acknowledge.disabled = false;
    }
  };
  acknowledge.addEventListener('click', () => send(note.value.trim()));
  const chart = element('div', { id: 'chart', class: 'chart', role: 'img',
    'aria-label': 'Alliance index, bond, goals and tasks per session, with the dropout-risk score' });
  const advice = [element('h2', { id: 'meaning' }, 'What it means'), element('p', {}, meaning[0]),
    element('h2', {}, 'What may help'), element('p', {}, meaning[1])];
  show(
    element('h1', {}, element('span', { class: 'kind' }, words(alert.kind)), ' · client ', alert.clientCode),
    element('p', {}, 'Session ', alert.sessionNumber ?? '-', ' on ', alert.sessionDate ?? '-', ' · status: ',
      statusText, alert.pillars.length ? ' · pillar: ' + alert.pillars.map(words).join(', ') : ''),
    resolutionLine(alert),
    alert.status === 'RESOLVED'
      ? element('details', { class: 'advice' }, element('summary', {}, 'What the alert meant and advised'), advice)
      : element('section', { class: 'advice', 'aria-labelledby': 'meaning' }, advice),
    open ? element('p', {}, element('label', { for: 'note' }, 'Note (optional; kept with the alert, never sent anywhere; no names or contact details, the client code is enough)'),
      element('br'), note) : '',
    open ? element('p', {}, acknowledge) : '', acknowledged,
    element('h2', {}, 'The alliance over the sessions'), chart, stateLine(dyad),
    ruptureList(dyad), riskList(dyad));
  drawSeries(chart, dyad, alert);
  document.title = words(alert.kind) + ' · ' + alert.clientCode + ' · Alliance Pulse';
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (pending && pending.id === alert.id) {
    if (open) {
      note.value = pending.note || '';
      await send(pending.note || '');
    } else {
      sessionStorage.removeItem(PENDING);
    }
  }
}

// The dyad's state in one line, as of its latest recorded session (figures the rules read; no client name).
function stateLine(dyad) {
  const st = dyad.state;
  if (!st) {
    return element('p', {}, '');
  }
  const fixed = v => (v === null || v === undefined ? '-' : Number(v).toFixed(1));
  const ors = st.orsFirst === null ? 'no ORS yet' : 'ORS ' + fixed(st.orsFirst) + ' at first, ' + fixed(st.orsLatest) + ' now';
  return element('p', { id: 'state' }, st.scoredSessions, st.scoredSessions === 1 ? ' scored session' : ' scored sessions',
    '; mean index ', fixed(st.runningMean),
    ', last 4 ', fixed(st.rollingMean), ', SD around the mean ', fixed(st.withinDyadSd), ' (network ',
    fixed(st.networkSd), '). Attended ', st.attended, ' of ', st.recordedSessions, '; no-shows ', st.noShows,
    ', late cancellations ', st.lateCancellations,
    // the usual interval is the median gap between attended sessions; with fewer than two it is the assumed week
    st.attended < 2 ? '; weekly sessions assumed (fewer than two attended)' : '; usually every ' + fixed(st.usualIntervalDays) + ' days',
    '; ', ors, '.');
}

function ruptureList(dyad) {
  const list = element('ul', { id: 'ruptures' });
  dyad.ruptures.forEach(r => list.append(element('li', {}, 'Rupture at session ', r.detectedAtSession, ' (',
    r.pillars.map(words).join(', ') || 'alliance', '): ',
    r.repairedAtSession ? 'repaired at session ' + r.repairedAtSession : words(r.status))));
  if (!dyad.ruptures.length) {
    list.append(element('li', {}, 'No rupture so far.'));
  }
  return element('section', {}, element('h2', {}, 'Ruptures'), list);
}

/** The dropout-risk factors in the clinic's words (the model: docs/clinical-rules.md of this service). */
const FACTORS = {
  EARLY_NO_SHOW: 'a no-show in the first three sessions',
  RECENT_MISSED_SESSIONS: 'no-shows and late cancellations among the last four sessions',
  LATEST_NO_SHOW: 'a no-show at the latest session',
  LOW_ALLIANCE: 'a low alliance so far',
  FALLING_ALLIANCE: 'the alliance falling below its own level',
  UNRESOLVED_RUPTURE: 'an unresolved rupture',
  NO_ORS_IMPROVEMENT: 'no reliable ORS improvement by session 6',
  ORS_DETERIORATION: 'the ORS 5 or more points below the first',
  FEEDBACK_SKIPPED: 'no feedback at the two attended sessions before this one',
  OVERDUE: 'longer than usual since the last attended session',
};

function riskList(dyad) {
  if (!dyad.risk) {
    return element('p', {}, 'No dropout-risk score yet.');
  }
  const rows = dyad.risk.factors.filter(f => f.contribution > 0).slice(0, 3)
    .map(f => element('li', {}, FACTORS[f.factor] || words(f.factor), ' (weight × value ', f.contribution.toFixed(2), ')'));
  return element('section', {}, element('h2', {}, 'Dropout risk'),
    element('p', {}, 'Score ', dyad.risk.score.toFixed(2), ' after session ', dyad.risk.afterSession,
      ' - an alerting scale, not a probability: the alert is raised at 0.5 and cleared below 0.35 by default. '
      + 'The factors add up on the log-odds scale, before the score is taken from them',
      rows.length ? '; the largest:' : '.'), element('ul', {}, rows));
}

function drawSeries(node, dyad, alert) {
  if (typeof echarts === 'undefined') {
    node.textContent = 'The chart could not be loaded.';
    return;
  }
  const sessions = dyad.sessions;
  const labels = sessions.map(s => '#' + s.number + ' ' + s.date);
  const measure = (s, key) => {
    const m = s.measures.find(x => x.index !== null && x.index !== undefined);
    return m && m[key] !== null && m[key] !== undefined ? m[key] : null;
  };
  const ruptured = sessions.map((s, i) => ['RUPTURE', 'UNRESOLVED'].includes(s.ruptureState) ? i : -1).filter(i => i >= 0);
  // each run of sessions inside a rupture, shaded from its first session to its last
  const runs = [];
  ruptured.forEach(i => (runs.length && runs[runs.length - 1][1] === i - 1 ? runs[runs.length - 1][1] = i : runs.push([i, i])));
  const chart = echarts.init(node, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['Alliance index', 'Rolling mean (last 4)', 'Bond', 'Goals', 'Tasks', 'Dropout risk'] },
    xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', min: 0, max: 100, name: 'index' }, { type: 'value', min: 0, max: 1, name: 'risk' }],
    series: [
      { name: 'Alliance index', type: 'line', data: sessions.map(s => s.allianceIndex), connectNulls: true, lineStyle: { width: 3 },
        markArea: { itemStyle: { color: 'rgba(163, 59, 0, 0.14)' }, label: { show: true, position: 'insideBottom', color: '#a33b00' },
          data: runs.map(([a, b]) => [{ name: 'rupture', xAxis: labels[a] }, { xAxis: labels[b] }]) },
        markLine: { symbol: 'none', lineStyle: { color: '#a33b00', width: 2 }, label: { formatter: 'rupture', color: '#a33b00' },
          data: runs.map(([a]) => ({ xAxis: labels[a] })) },
        markPoint: { data: sessions.filter(s => s.lowAlliance).map(s => ({ name: 'low', coord: ['#' + s.number + ' ' + s.date, s.allianceIndex], value: 'low' })) } },
      { name: 'Rolling mean (last 4)', type: 'line', data: sessions.map(s => s.rollingMean ?? null), connectNulls: true,
        symbol: 'none', lineStyle: { type: 'dotted', width: 2 } },
      { name: 'Bond', type: 'line', data: sessions.map(s => measure(s, 'bond')), connectNulls: true },
      { name: 'Goals', type: 'line', data: sessions.map(s => measure(s, 'goals')), connectNulls: true },
      { name: 'Tasks', type: 'line', data: sessions.map(s => measure(s, 'tasks')), connectNulls: true },
      { name: 'Dropout risk', type: 'line', yAxisIndex: 1, data: sessions.map(s => s.riskScore), lineStyle: { type: 'dashed' } },
    ],
  });
  node.dataset.rupturesMarked = String(ruptured.length);
  node.dataset.alertSession = String(alert ? alert.sessionNumber : '');
}

// ---- my alerts ----------------------------------------------------------------------------------------------------

async function myAlertsPage() {
  const me = claims(await token());
  const roles = (me.realm_access && me.realm_access.roles) || [];
  const page = await api('/api/alerts?size=100');
  const status = a => words(a.status) + (a.status === 'RESOLVED' && a.resolution ? ' (' + words(a.resolution) + ')' : '');
  const rows = page.items.map(a => element('tr', {},
    element('td', {}, element('a', { href: '/alerts/' + a.id }, words(a.kind))),
    element('td', {}, a.clientCode), element('td', {}, a.sessionDate ?? '-'),
    element('td', {}, status(a)), element('td', {}, (a.pillars || []).map(words).join(', '))));
  const heading = roles.includes('admin') ? 'Alerts of the network'
    : roles.includes('clinic-staff') ? 'Alerts of clinic ' + (me.clinic_id || '') : 'My alerts';
  show(element('h1', {}, heading),
    element('p', {}, page.total, page.total === 1 ? ' alert' : ' alerts', ', newest first.'),
    element('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Alerts' },
      element('table', { id: 'alerts' }, element('thead', {}, element('tr', {},
        ['Alert', 'Client', 'Session date', 'Status', 'Pillars'].map(h => element('th', { scope: 'col' }, h)))),
      element('tbody', {}, rows))));
  document.title = heading + ' · Alliance Pulse';
}

// ---- the network --------------------------------------------------------------------------------------------------

const FIGURES = {
  activeClients: 'Active clients', sessions: 'Sessions', feedbackCompletionRate: 'Feedback completion',
  meanIntakeOrs: 'Mean intake ORS', meanSrs: 'Mean SRS', shareSessionsSrsBelow36: 'SRS below 36',
  rupturesPer100ScoredSessions: 'Ruptures per 100 scored sessions', shareRupturesRepairedWithin6: 'Ruptures repaired within 6',
  dropoutRate: 'Dropout rate', shareReliablyImproved: 'Reliably improved', alertsRaised: 'Alerts raised',
  medianHoursToAcknowledge: 'Median hours to acknowledge', alertsPerTherapistWeek: 'Alerts per therapist-week',
};

// Shares are served as fractions (0.134) and shown as percentages (13.4 %), as the clinics read them.
const SHARES = new Set(['feedbackCompletionRate', 'shareSessionsSrsBelow36', 'shareRupturesRepairedWithin6',
  'dropoutRate', 'shareReliablyImproved']);

function figure(cell, key) {
  if (!cell || cell.suppressed) {
    return element('span', { class: 'suppressed' }, 'suppressed');
  }
  if (cell.value === null) {
    return '–';
  }
  return SHARES.has(key) ? (Math.round(cell.value * 1000) / 10) + ' %' : String(cell.value);
}

// A month's or a unit's suppressed figure is a gap in the chart, not a zero: its axis label says why.
function axisLabel(point, key) {
  const name = point.name || point.id;
  return point.figures[key] && point.figures[key].suppressed ? name + ' (suppressed)' : name;
}

async function networkPage() {
  const me = claims(await token());
  const roles = (me.realm_access && me.realm_access.roles) || [];
  const report = roles.includes('admin') ? await api('/api/metrics/network')
    : me.clinic_id ? await api('/api/metrics/clinics/' + encodeURIComponent(me.clinic_id))
      : await Promise.reject(Object.assign(new Error('for administrators and clinic staff'), { status: 403 }));
  const tiles = element('div', { class: 'tiles', id: 'tiles' }, Object.entries(FIGURES).map(([key, label]) =>
    element('div', { class: 'tile' }, element('div', { class: 'value' }, figure(report.figures[key], key)),
      element('div', { class: 'label' }, label))));
  const unitName = report.level === 'NETWORK' ? 'Clinic' : 'Therapist';
  const table = element('table', { id: 'breakdown' }, element('thead', {}, element('tr', {},
    element('th', { scope: 'col' }, unitName), Object.values(FIGURES).map(l => element('th', { scope: 'col' }, l)))),
  element('tbody', {}, report.breakdown.map(u => element('tr', {}, element('th', { scope: 'row' }, u.name || u.id),
    Object.keys(FIGURES).map(k => element('td', {}, figure(u.figures[k], k)))))));
  const chart = element('div', { id: 'chart', class: 'chart', role: 'img', 'aria-label': 'Active clients and dropout rate per ' + unitName.toLowerCase() + '; suppressed ones are gaps' });
  const overTime = element('div', { id: 'over-time', class: 'chart', role: 'img',
    'aria-label': 'Sessions, alerts raised and the dropout rate per month; suppressed months are gaps' });
  show(element('h1', {}, report.level === 'NETWORK' ? 'The network' : 'Clinic ' + report.id),
    element('p', {}, 'Sessions from ', report.from, ' to ', report.to, '. Counts from 1 to ', report.suppressionThreshold,
      ', and whatever would give them away, are suppressed.'),
    tiles, element('h2', {}, 'Over time'), overTime, element('h2', {}, 'Per ' + unitName.toLowerCase()), chart,
    element('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Figures per ' + unitName.toLowerCase() }, table));
  if (typeof echarts !== 'undefined') {
    const value = (u, k) => (u.figures[k] && !u.figures[k].suppressed ? u.figures[k].value : null);
    echarts.init(overTime).setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { data: ['Sessions', 'Alerts raised', 'Dropout rate'] },
      xAxis: { type: 'category', data: report.months.map(m => axisLabel(m, 'sessions')) },
      yAxis: [{ type: 'value', name: 'count' }, { type: 'value', name: 'rate', min: 0, max: 1 }],
      series: [{ name: 'Sessions', type: 'bar', data: report.months.map(m => value(m, 'sessions')) },
        { name: 'Alerts raised', type: 'bar', data: report.months.map(m => value(m, 'alertsRaised')) },
        { name: 'Dropout rate', type: 'line', yAxisIndex: 1, data: report.months.map(m => value(m, 'dropoutRate')) }],
    });
    echarts.init(chart).setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { data: ['Active clients', 'Dropout rate'] },
      xAxis: { type: 'category', data: report.breakdown.map(u => axisLabel(u, 'activeClients')) },
      yAxis: [{ type: 'value', name: 'clients' }, { type: 'value', name: 'rate', min: 0, max: 1 }],
      series: [{ name: 'Active clients', type: 'bar', data: report.breakdown.map(u => value(u, 'activeClients')) },
        { name: 'Dropout rate', type: 'line', yAxisIndex: 1, data: report.breakdown.map(u => value(u, 'dropoutRate')) }],
    });
  }
}

// ---- start --------------------------------------------------------------------------------------------------------

(async () => {
  try {
    const me = claims(await token());
    document.getElementById('who').textContent = 'Signed in as ' + (me.preferred_username || 'you');
    const roles = (me.realm_access && me.realm_access.roles) || [];
    if (!roles.includes('admin') && !roles.includes('clinic-staff')) {
      document.querySelectorAll('nav a[href="/network"]').forEach(link => link.remove());
    }
    const page = document.body.dataset.page;
    if (page === 'alert') {
      await alertPage();
    } else if (page === 'network') {
      await networkPage();
    } else {
      await myAlertsPage();
    }
    main.focus({ preventScroll: true });
  } catch (error) {
    fail(error);
  }
})();
