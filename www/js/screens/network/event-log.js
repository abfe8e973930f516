// The visible log of unit events ("Units that died or came back"): the batcher's messages
// (events.js), newest first and marked, or "None yet.".

/** Show `log` (messages, newest first) in the list element `list`. */
export function renderEventLog(list, log) {
  list.replaceChildren(
    ...(log.length ? log : ['None yet.']).map((text, index) => {
      const item = document.createElement('li');
      item.textContent = text;
      if (!log.length) item.className = 'muted';
      else if (index === 0) item.className = 'nw-events__latest';
      return item;
    }),
  );
}
