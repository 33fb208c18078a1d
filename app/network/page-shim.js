/*
 * The page bridge, injected first into every HTML page the preview shows. A preview page runs
 * sandboxed (opaque origin), so the service worker does not control it: its own fetch() and
 * XMLHttpRequest are relayed to the playground over postMessage instead, `document.cookie` shows
 * the site's script-visible cookies, links and forms that name a site path are kept under the
 * prefix, and images and stylesheets from the site load through the bridge too. Plain browser
 * JavaScript, kept as text: it runs in the page, not in the app.
 */
/* eslint-disable @typescript-eslint/no-unused-expressions -- the file is one function expression; shimTag() calls it */
;(function previewBridge(config) {
  'use strict'
  var host = window.parent !== window ? window.parent : window.opener
  if (!host) return
  var SITE_ORIGIN = config.siteOrigin
  var prefix = config.prefix
  var root = prefix.slice(0, -1)
  var realOrigin = location.protocol + '//' + location.host
  var cookies = config.cookies
  var pending = new Map()
  var nextId = 0

  /** The site URL a page URL names, or null for another host (left to the real network). */
  function siteUrlOf(input) {
    var url = new URL(String(input), document.baseURI)
    if (url.origin === SITE_ORIGIN) return SITE_ORIGIN + url.pathname + url.search
    if (url.protocol + '//' + url.host !== realOrigin) return null
    var path = url.pathname === root ? '/' : url.pathname.indexOf(prefix) === 0 ? url.pathname.slice(root.length) : url.pathname
    return SITE_ORIGIN + path + url.search
  }

  function realUrlOf(siteUrl) {
    var url = new URL(siteUrl)
    return realOrigin + root + url.pathname + url.search
  }

  function ask(message, transfer) {
    return new Promise(function (resolve) {
      var id = ++nextId
      pending.set(id, resolve)
      message.__preview = 'request'
      message.id = id
      message.page = config.url
      host.postMessage(message, '*', transfer || [])
    })
  }

  window.addEventListener('message', function (event) {
    var data = event.data
    if (event.source !== host || !data || typeof data !== 'object') return
    if (typeof data.cookies === 'string') cookies = data.cookies
    if (data.__preview !== 'response') return
    var resolve = pending.get(data.id)
    pending.delete(data.id)
    if (resolve) resolve(data)
  })

  var realFetch = window.fetch
  window.fetch = function fetch(input, init) {
    var request
    try {
      request = new Request(input, init)
    } catch (error) {
      return Promise.reject(error)
    }
    var siteUrl = siteUrlOf(request.url)
    if (siteUrl === null) return realFetch.call(window, request)
    var method = request.method.toUpperCase()
    var read = method === 'GET' || method === 'HEAD' ? Promise.resolve(null) : request.arrayBuffer()
    return read
      .then(function (body) {
        var headers = []
        request.headers.forEach(function (value, name) {
          headers.push([name, value])
        })
        var message = { url: siteUrl, method: method, headers: headers, body: body, redirect: request.redirect }
        return ask(message, body ? [body] : [])
      })
      .then(function (data) {
        if (data.error) throw new TypeError('Failed to fetch: ' + data.error)
        var empty = [101, 103, 204, 205, 304].indexOf(data.status) >= 0
        var response = new Response(empty ? null : data.body, { status: data.status, statusText: data.statusText, headers: data.headers })
        Object.defineProperty(response, 'url', { value: realUrlOf(data.url) })
        Object.defineProperty(response, 'redirected', { value: data.redirected })
        return response
      })
  }

  /** XMLHttpRequest over the bridged fetch (asynchronous requests only, as in any modern page). */
  class PreviewXMLHttpRequest extends EventTarget {
    constructor() {
      super()
      this.readyState = 0
      this.status = 0
      this.statusText = ''
      this.response = null
      this.responseText = ''
      this.responseType = ''
      this.responseURL = ''
      this.responseXML = null
      this.timeout = 0
      this.withCredentials = false
      this.upload = new EventTarget()
      this._headers = []
      this._responseHeaders = null
      this._aborted = false
    }
    _fire(type) {
      var event = new ProgressEvent(type)
      var handler = this['on' + type]
      if (typeof handler === 'function') handler.call(this, event)
      this.dispatchEvent(event)
    }
    _state(state) {
      this.readyState = state
      this._fire('readystatechange')
    }
    open(method, url, async) {
      if (async === false) throw new DOMException('Synchronous XMLHttpRequest is not supported in the preview.', 'InvalidAccessError')
      this._method = String(method).toUpperCase()
      this._url = String(url)
      this._headers = []
      this._aborted = false
      this._state(1)
    }
    setRequestHeader(name, value) {
      this._headers.push([name, String(value)])
    }
    getResponseHeader(name) {
      return this._responseHeaders ? this._responseHeaders.get(name) : null
    }
    getAllResponseHeaders() {
      if (!this._responseHeaders) return ''
      var lines = ''
      this._responseHeaders.forEach(function (value, name) {
        lines += name + ': ' + value + '\r\n'
      })
      return lines
    }
    overrideMimeType() {}
    abort() {
      this._aborted = true
      if (this.readyState > 0 && this.readyState < 4) {
        this.readyState = 0
        this._fire('abort')
        this._fire('loadend')
      }
    }
    send(body) {
      var init = { method: this._method, headers: this._headers, credentials: 'include' }
      if (this._method !== 'GET' && this._method !== 'HEAD' && body !== undefined && body !== null) init.body = body
      this._fire('loadstart')
      window
        .fetch(this._url, init)
        .then((response) => {
          if (this._aborted) return
          this.status = response.status
          this.statusText = response.statusText
          this.responseURL = response.url
          this._responseHeaders = response.headers
          this._state(2)
          return response.arrayBuffer().then((buffer) => this._load(buffer, response.headers.get('content-type') || ''))
        })
        .catch(() => {
          if (this._aborted) return
          this._state(4)
          this._fire('error')
          this._fire('loadend')
        })
    }
    _load(buffer, contentType) {
      if (this._aborted) return
      var text = new TextDecoder().decode(buffer)
      var type = this.responseType
      if (type === '' || type === 'text') {
        this.responseText = text
        this.response = text
      } else if (type === 'json') {
        try {
          this.response = JSON.parse(text)
        } catch (_) {
          this.response = null
        }
      } else if (type === 'arraybuffer') this.response = buffer
      else if (type === 'blob') this.response = new Blob([buffer], { type: contentType })
      else if (type === 'document') this.response = this.responseXML = new DOMParser().parseFromString(text, 'text/html')
      this._state(3)
      this._state(4)
      this._fire('load')
      this._fire('loadend')
    }
  }
  ;['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE'].forEach(function (name, value) {
    PreviewXMLHttpRequest[name] = value
    PreviewXMLHttpRequest.prototype[name] = value
  })
  window.XMLHttpRequest = PreviewXMLHttpRequest

  // document.cookie: the site's cookies a script may see; writes go to the one jar.
  try {
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: function () {
        return cookies
      },
      set: function (text) {
        text = String(text)
        // Until the jar answers, show the write as a browser would at once.
        var pair = text.split(';')[0]
        var name = pair.split('=')[0].trim()
        if (name && !/;\s*httponly\s*(;|$)/i.test(text)) {
          var kept = cookies ? cookies.split('; ').filter(function (c) { return c.split('=')[0] !== name }) : []
          if (!/;\s*max-age\s*=\s*-?0*\s*(;|$)/i.test(text)) kept.push(pair.trim())
          cookies = kept.join('; ')
        }
        host.postMessage({ __preview: 'cookie', text: text, page: config.url }, '*')
      },
    })
  } catch (_) {
    // A page that already redefined document.cookie keeps its own.
  }

  /** A link or form target that names a site path outside the prefix is pointed back under it. */
  function keepUnderPrefix(url) {
    var siteUrl = siteUrlOf(url)
    return siteUrl === null ? null : realUrlOf(siteUrl) + new URL(String(url), document.baseURI).hash
  }
  document.addEventListener(
    'click',
    function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a[href]') : null
      if (!link || (link.target && link.target !== '_self')) return
      var href = keepUnderPrefix(link.href)
      if (href && href !== link.href) link.href = href
    },
    true,
  )
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target
      var submitter = event.submitter
      var action = submitter && submitter.hasAttribute('formaction') ? submitter.formAction : form.action
      var kept = keepUnderPrefix(action)
      if (!kept || kept === action) return
      if (submitter && submitter.hasAttribute('formaction')) submitter.formAction = kept
      else form.action = kept
    },
    true,
  )

  // Images and stylesheets a view serves: an opaque-origin page's own loads bypass the service
  // worker, so they are fetched again through the bridge and shown from blob: URLs.
  var SUBRESOURCES = 'img[src], link[rel~="stylesheet"][href], source[src], video[poster], input[type="image"][src]'
  function attributeOf(element) {
    if (element.tagName === 'LINK') return 'href'
    if (element.tagName === 'VIDEO') return 'poster'
    return 'src'
  }
  function reload(element) {
    var name = attributeOf(element)
    var value = element.getAttribute(name)
    if (!value || element.__previewLoaded === value || /^(blob|data):/i.test(value)) return
    if (siteUrlOf(value) === null) return
    element.__previewLoaded = value
    window
      .fetch(value)
      .then(function (response) {
        return response.ok ? response.blob() : null
      })
      .then(function (blob) {
        if (!blob) return
        var url = URL.createObjectURL(blob)
        element.__previewLoaded = url
        element.setAttribute(name, url)
      })
      .catch(function () {})
  }
  function reloadWithin(root) {
    if (root.nodeType !== 1) return
    if (root.matches(SUBRESOURCES)) reload(root)
    root.querySelectorAll(SUBRESOURCES).forEach(reload)
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === 'attributes') reloadWithin(record.target)
      else record.addedNodes.forEach(reloadWithin)
    })
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'href', 'poster'] })

  function loaded() {
    host.postMessage({ __preview: 'loaded', page: config.url, title: document.title }, '*')
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loaded)
  else loaded()
})
