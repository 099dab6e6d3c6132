// The editors' HTML editor (apps.core.admin_widgets.HTMLEditorWidget): a ProseMirror
// editor over the textarea, offering only the tags the server's sanitiser keeps. The
// widget's data attribute lists them (read from apps.core.html); a tag without an
// extension here is simply not offered. Without JavaScript the textarea stays as it is.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  initializeEditors,
} from "django-prose-editor/editor";

const ATTRIBUTE = "data-django-prose-editor-peacetracker";

// Each allowed tag and the extension that writes it.
const BY_TAG = {
  br: HardBreak,
  em: Italic,
  strong: Bold,
  ul: BulletList,
  ol: OrderedList,
  li: ListItem,
  blockquote: Blockquote,
};

function linkExtension(config) {
  const protocols = new Set(config.protocols);
  const allowed = (url) => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
    return !scheme || protocols.has(scheme[1].toLowerCase());
  };
  const attributes = new Set((config.attributes || {}).a || []);
  // The link dialog sets an empty title when none is given: write none then.
  const TitledLink = Link.extend({
    addAttributes() {
      return {
        ...this.parent?.(),
        title: {
          default: null,
          renderHTML: (attrs) => (attrs.title ? { title: attrs.title } : {}),
        },
      };
    },
  });
  return TitledLink.configure({
    openOnClick: false,
    autolink: false,
    isAllowedUri: allowed,
    // The sanitiser drops target and class and sets rel itself: the editor writes neither.
    HTMLAttributes: { target: null, rel: null, class: null },
    enableTarget: attributes.has("target"),
  });
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE));
  const tags = new Set(config.tags);
  // Paragraphs are the document's blocks: the allow-list always has <p>.
  const extensions = [Document, Paragraph, Text, Dropcursor, Gapcursor, History, Menu];
  for (const [tag, extension] of Object.entries(BY_TAG)) {
    if (tags.has(tag)) extensions.push(extension);
  }
  if (tags.has("a")) extensions.push(linkExtension(config));

  // As django-prose-editor's createTextareaEditor, but with injectCSS off: tiptap would
  // add an inline <style>, which the Content-Security-Policy refuses (html-editor.css
  // carries those rules instead).
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    extensions,
    content: textarea.value,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty document is an empty field, not "<p></p>".
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  );
  return editor;
}

initializeEditors(createEditor, `[${ATTRIBUTE}]`);
