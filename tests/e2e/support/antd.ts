import { expect, type Locator, type Page } from '@playwright/test';

/** antd's Select: open it, type to search, pick the option by its visible text. */
export async function pick(scope: Page | Locator, page: Page, combobox: string, search: string, option: string | RegExp): Promise<void> {
  await choose(page, scope.getByRole('combobox', { name: combobox, exact: true }), option, search);
}

/**
 * The same for a Select already located (e.g. the role select of one row). With a search, the
 * first match becomes the active option and Enter takes it, as a keyboard user does; clicking
 * while the list is still filtering can land on an option that is being replaced.
 */
export async function choose(page: Page, box: Locator, option: string | RegExp, search = ''): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await box.click();
  if (search) {
    await box.fill(search);
    await expect(open.locator('.ant-select-item-option-active')).toContainText(option);
    await box.press('Enter');
    // Wait for the list to finish closing, so the next pick cannot land in this one's options.
    await expect(open).toHaveCount(0);
    return;
  }
  // A click that lands while the list is still sliding open can be lost (seen on a loaded machine):
  // when the list is still open seconds later, the choice was not taken, so click it again. The
  // closing animation takes a fraction of that, so a taken choice is never clicked twice.
  const item = open.locator('.ant-select-item-option', { hasText: option }).first();
  await item.click();
  for (let attempt = 0; ; attempt++) {
    try {
      await expect(open).toHaveCount(0, { timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await item.click({ timeout: 2_000 });
    }
  }
}

/** antd's DatePicker with time: type "dd/mm/yyyy hh:mm" as a user would, then confirm with Enter. */
export async function typeDateTime(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/**
 * The OK button of the Popconfirm that a click just opened. A click that lands while the popover is
 * still zooming in can be lost on a loaded machine: if it is still open seconds later, click again.
 */
export async function confirmPopover(page: Page, okText: string): Promise<void> {
  const ok = page.getByRole('tooltip').getByRole('button', { name: okText, exact: true });
  try {
    await ok.click({ timeout: 5_000 });
  } catch {
    // Seen on a loaded machine: the popover stays mid-animation and the row beneath takes the
    // pointer. The keyboard reaches the button regardless of where it is drawn, as it does for users.
    await ok.focus();
    await ok.press('Enter');
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await expect(ok).toHaveCount(0, { timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await ok.click({ timeout: 2_000 });
    }
  }
}

/**
 * One item of an antd Dropdown menu, opened from its trigger. The menu is opened again when it shows
 * up outside the window or the click on the item is lost (both seen on a loaded CI machine), and the
 * item is never clicked twice once the menu has closed behind a taken click.
 */
export async function menuChoice(page: Page, trigger: Locator, item: string): Promise<void> {
  const menu = page.locator('.ant-dropdown:visible');
  const entry = menu.getByRole('menuitem', { name: item });
  for (let attempt = 0; ; attempt++) {
    if ((await menu.count()) === 0) await trigger.click();
    try {
      await expect(entry).toBeInViewport({ timeout: 3_000 });
      await entry.click({ timeout: 3_000 });
      await expect(menu).toHaveCount(0, { timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      if ((await menu.count()) > 0) {
        await trigger.click();
        await expect(menu).toHaveCount(0);
      }
    }
  }
}

/**
 * antd's Modal once its opening motion is over. Seen in CI: a click on the footer's button while the
 * dialog was still at the start of its zoom (mounted, its box already stable, not yet painted) was
 * lost, so the confirmation never ran.
 */
export async function modalOpened(dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-(appear|enter)/);
}
