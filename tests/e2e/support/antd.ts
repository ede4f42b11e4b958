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
  } else {
    await open.locator('.ant-select-item-option', { hasText: option }).first().click();
  }
  // Wait for the list to finish closing, so the next pick cannot land in this one's options.
  await expect(open).toHaveCount(0);
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
