/**
 * The sheet tabs under the grid, as in Excel: click to show a sheet, double-click to rename it in
 * place, right-click (or the context-menu key) for Rename and Delete; Delete asks first. The strip
 * scrolls sideways (wheel or trackpad) however many sheets there are, so the page keeps its layout.
 */

export interface SheetTabHooks {
  /** Visible sheet names in tab order. */
  names(): string[];
  /** The sheet the grid shows. */
  current(): string;
  show(name: string): void;
  /** Renames a sheet; throws with a readable message when Excel would refuse the name. */
  rename(name: string, newName: string): void;
  /** Deletes a sheet; throws when Excel would refuse (the last visible sheet). */
  remove(name: string): void;
  /** Shows a problem in the status bar. */
  report(message: string): void;
}

export class SheetTabs {
  private readonly menu: HTMLDivElement;
  private readonly dialog: HTMLDialogElement;
  private rendered = "";

  constructor(
    private readonly strip: HTMLElement,
    private readonly hooks: SheetTabHooks,
    doc: Document = document
  ) {
    this.menu = doc.createElement("div");
    this.menu.className = "wb-menu";
    this.menu.setAttribute("role", "menu");
    this.menu.hidden = true;
    doc.body.appendChild(this.menu);
    this.dialog = doc.createElement("dialog");
    this.dialog.className = "wb-dialog";
    doc.body.appendChild(this.dialog);
    doc.addEventListener("mousedown", (e) => {
      if (!this.menu.contains(e.target as Node)) this.closeMenu();
    });
    doc.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.closeMenu();
    });
    // A vertical wheel scrolls the strip sideways, as Excel's tab bar does.
    strip.addEventListener(
      "wheel",
      (e) => {
        if (Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
        strip.scrollLeft += e.deltaY;
        e.preventDefault();
      },
      { passive: false }
    );
  }

  /** Redraws the tabs when the sheets or the current one changed. */
  render(): void {
    const names = this.hooks.names();
    const current = this.hooks.current();
    const key = JSON.stringify([names, current]);
    if (key === this.rendered) return;
    this.rendered = key;
    this.strip.replaceChildren(...names.map((name) => this.tab(name, name === current)));
    this.strip
      .querySelector<HTMLElement>('[aria-pressed="true"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  private tab(name: string, pressed: boolean): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "wb-tab";
    b.textContent = name;
    b.setAttribute("aria-pressed", String(pressed));
    b.setAttribute("aria-haspopup", "menu");
    b.addEventListener("click", () => this.hooks.show(name));
    b.addEventListener("dblclick", () => this.beginRename(b, name));
    b.addEventListener("contextmenu", (e) => {
      e.preventDefault();
      const box = b.getBoundingClientRect();
      const x = e.clientX || box.left;
      const y = e.clientY || box.top;
      this.openMenu(b, name, x, y);
    });
    return b;
  }

  private openMenu(tab: HTMLButtonElement, name: string, x: number, y: number): void {
    const item = (label: string, act: () => void): HTMLButtonElement => {
      const i = document.createElement("button");
      i.type = "button";
      i.className = "wb-menu-item";
      i.setAttribute("role", "menuitem");
      i.textContent = label;
      i.addEventListener("click", () => {
        this.closeMenu();
        act();
      });
      return i;
    };
    this.menu.replaceChildren(
      item("Rename", () => this.beginRename(tab, name)),
      item("Delete", () => this.confirmDelete(name))
    );
    this.menu.setAttribute("aria-label", `Sheet ${name}`);
    this.menu.hidden = false;
    // Opens upwards from the pointer: the tabs sit at the bottom of the window.
    const height = this.menu.offsetHeight;
    this.menu.style.left = `${Math.min(x, window.innerWidth - this.menu.offsetWidth - 4)}px`;
    this.menu.style.top = `${Math.max(4, y - height)}px`;
    this.menu.querySelector<HTMLElement>("button")?.focus();
  }

  private closeMenu(): void {
    this.menu.hidden = true;
  }

  /** Turns the tab into a text box; Enter or leaving it renames, Escape keeps the old name. */
  private beginRename(tab: HTMLButtonElement, name: string): void {
    const input = document.createElement("input");
    input.className = "wb-tab-input";
    input.value = name;
    input.setAttribute("aria-label", "Sheet name");
    input.spellcheck = false;
    input.size = Math.max(8, name.length + 2);
    let done = false;
    const finish = (save: boolean): void => {
      if (done) return;
      done = true;
      const next = input.value.trim();
      this.rendered = "";
      if (save && next !== name) {
        try {
          this.hooks.rename(name, next);
        } catch (e) {
          this.hooks.report(`Cannot rename "${name}": ${(e as Error).message}`);
        }
      }
      this.render();
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") finish(true);
      else if (e.key === "Escape") finish(false);
      e.stopPropagation();
    });
    input.addEventListener("blur", () => finish(true));
    tab.replaceWith(input);
    input.focus();
    input.select();
  }

  private confirmDelete(name: string): void {
    const text = document.createElement("p");
    text.textContent = `Delete the sheet "${name}"? This cannot be undone; formulas on other sheets that refer to it will show #REF!.`;
    const buttons = document.createElement("form");
    buttons.method = "dialog";
    buttons.className = "wb-dialog-buttons";
    const button = (label: string, value: string): HTMLButtonElement => {
      const b = document.createElement("button");
      b.value = value;
      b.textContent = label;
      return b;
    };
    const keep = button("Cancel", "cancel");
    buttons.append(button("Delete", "delete"), keep);
    this.dialog.replaceChildren(text, buttons);
    this.dialog.setAttribute("aria-label", "Delete sheet");
    this.dialog.returnValue = "";
    this.dialog.onclose = () => {
      if (this.dialog.returnValue !== "delete") return;
      try {
        this.hooks.remove(name);
      } catch (e) {
        this.hooks.report(`Cannot delete "${name}": ${(e as Error).message}`);
      }
    };
    this.dialog.showModal();
    keep.focus();
  }
}
