// pdf.js loads @napi-rs/canvas only to render pages in Node; the core never renders, so there is nothing here.
module.exports = {};
