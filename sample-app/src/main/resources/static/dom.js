'use strict';

// Builds elements from text only (never HTML), shared by the pages.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

function row(label, value) {
  return el('tr', {}, el('th', {}, label), el('td', {}, value));
}
