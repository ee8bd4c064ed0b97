import { expect, sharedDemoTest as test } from '../../fixtures';

test.describe('the date fields follow the app’s language, not the browser’s', () => {
  // Playwright's browser runs in en-US: a native date field would read mm/dd/yyyy here.
  test('read yyyy-MM-dd, take a typed day, refuse a non-day, and open a Monday-first calendar', async ({ demo: _, page, workspace, shot }) => {
    await workspace.openTab('metrics');
    const from = page.getByTestId('scope-from');
    await expect(from).toHaveAttribute('placeholder', 'yyyy-MM-dd');
    await expect(from).toHaveAttribute('type', 'text');

    // A day as Chinese spreadsheets write it is taken on Enter and shown as yyyy-MM-dd.
    await from.fill('2026/10/1');
    await from.press('Enter');
    await expect(from).toHaveValue('2026-10-01');
    await expect(from).toHaveAttribute('aria-invalid', 'false');

    // The calendar of the other end opens on its day: weeks start on Monday, titled in Chinese.
    await page.getByTestId('scope-to').fill('2026-10-20');
    await page.getByTestId('scope-to-open').click();
    const calendar = page.getByTestId('scope-to-calendar');
    await expect(page.getByTestId('scope-to-month')).toHaveText('2026年10月');
    await expect(calendar.locator('th')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
    // October 2026 starts on a Thursday: its first row begins on Monday 2026-09-28.
    await expect(calendar.locator('tbody tr').first().locator('button').first()).toHaveAttribute('data-iso', '2026-09-28');
    // Days before the start cannot be chosen as the end.
    await expect(calendar.locator('button[data-iso="2026-09-30"]')).toBeDisabled();
    await shot('date-field-calendar.png');
    await calendar.locator('button[data-iso="2026-10-15"]').click();
    await expect(page.getByTestId('scope-to')).toHaveValue('2026-10-15');
    await expect(calendar).toHaveCount(0);

    // Not a day: flagged with the expected form, and not taken.
    await page.getByTestId('scope-to').fill('2026-02-30');
    await page.getByTestId('scope-to').press('Enter');
    await expect(page.getByTestId('scope-to')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: '请按 yyyy-MM-dd 输入日期' })).toBeVisible();
    await shot('date-field-invalid.png');
  });
});
