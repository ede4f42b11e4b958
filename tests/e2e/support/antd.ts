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

/** The OK button of the Popconfirm that a click just opened. */
export async function confirmPopover(page: Page, okText: string): Promise<void> {
  await page.getByRole('tooltip').getByRole('button', { name: okText, exact: true }).click();
}
