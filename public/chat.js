// Web chat: talks to POST /api/chat and renders answer cards. No build step, no dependencies.
"use strict";
(function () {
  var STORAGE_KEY = "dvc-bot-session";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var box = document.getElementById("message");
  var sendButton = document.getElementById("send");
  var status = document.getElementById("status");
  var busy = false;

  function sessionId() {
    try { return localStorage.getItem(STORAGE_KEY) || undefined; } catch (e) { return undefined; }
  }
  function keepSession(id) {
    try { localStorage.setItem(STORAGE_KEY, id); } catch (e) { /* private mode: the session lasts this page */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scrollDown() {
    window.scrollTo(0, document.body.scrollHeight);
  }

  function addUser(text) {
    var article = el("article", "msg user");
    article.appendChild(el("p", "", text));
    log.appendChild(article);
    scrollDown();
  }

  function renderBlock(block) {
    switch (block.type) {
      case "heading": return el("h2", "card-title", block.text);
      case "badge": return el("p", "badge tone-" + block.tone, block.text);
      case "text": return el("p", "text", block.text);
      case "list": {
        var wrap = el("div", "list");
        if (block.title) wrap.appendChild(el("p", "list-title", block.title));
        var list = el(block.ordered ? "ol" : "ul");
        block.items.forEach(function (item) { list.appendChild(el("li", "", item)); });
        wrap.appendChild(list);
        return wrap;
      }
      case "link": {
        var p = el("p", "link");
        var a = el("a", "", block.label);
        a.href = block.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.appendChild(el("span", "visually-hidden", " (mở trong thẻ mới)"));
        p.appendChild(a);
        return p;
      }
      default: return el("p", "text", block.text || "");
    }
  }

  function addReply(reply) {
    var article = el("article", "msg bot");
    reply.blocks.forEach(function (block) { article.appendChild(renderBlock(block)); });
    if (reply.choices && reply.choices.length) {
      var group = el("div", "choices" + (reply.choiceLayout === "row" ? " row" : ""));
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Chọn một mục");
      reply.choices.forEach(function (choice) {
        var button = el("button", "choice", choice.label);
        button.type = "button";
        button.addEventListener("click", function () {
          send({ choiceId: choice.id }, choice.label);
        });
        group.appendChild(button);
      });
      article.appendChild(group);
    }
    log.appendChild(article);
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
    status.textContent = value ? "Đang trả lời…" : "";
  }

  function send(payload, shown) {
    if (busy) return;
    addUser(shown);
    var body = Object.assign({ sessionId: sessionId() }, payload);
    setBusy(true);
    fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (res) {
        if (res.status === 400 && body.sessionId) {
          // A stale or damaged session id: start a new conversation.
          try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* ignore */ }
        }
        // Too fast (429) or too busy (503): the server says why in replies, as it does when answering.
        if (res.status === 429 || res.status === 503) return res.json().catch(function () { throw new Error("HTTP " + res.status); });
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.json();
      })
      .then(function (data) {
        if (!data || !Array.isArray(data.replies)) throw new Error("no replies");
        if (data.sessionId) keepSession(data.sessionId);
        data.replies.forEach(addReply);
        setBusy(false);
        scrollDown();
      })
      .catch(function () {
        setBusy(false);
        var article = el("article", "msg bot error", "Không gửi được tin nhắn. Bạn vui lòng thử lại sau ít phút.");
        article.setAttribute("role", "alert");
        log.appendChild(article);
        scrollDown();
      });
  }

  // The menu from the start, so a visitor sees what the assistant can do before typing.
  function showWelcome() {
    fetch("/api/chat/welcome", { headers: { accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) {
        if (!data || !Array.isArray(data.replies) || log.querySelector("article.user")) return;
        data.replies.forEach(addReply);
      })
      .catch(function () { /* the static welcome is still there; typing works */ });
  }
  showWelcome();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text || busy) return;
    box.value = "";
    send({ text: text }, text);
    box.focus();
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
})();
