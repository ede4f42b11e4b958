/** Set by global-setup.ts, read by the specs. */
export const E2E_URL_ENV = 'NGHISU_E2E_URL';
export const E2E_DATA_DIR_ENV = 'NGHISU_E2E_DATA_DIR';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through playwright.config.ts (its globalSetup starts the host).`);
  return value;
}

/** http://127.0.0.1:PORT/?token=… as printed by the host. */
export const hostUrl = (): string => required(E2E_URL_ENV);
export const hostDataDir = (): string => required(E2E_DATA_DIR_ENV);

/** Who uses the shared host's data folder: a secretariat official, as in most journeys. */
export const E2E_PROFILE = {
  fullName: 'Nguyễn Thị Hương',
  position: 'Chuyên viên Văn phòng',
  unitName: 'Văn phòng UBND tỉnh Lào Cai',
  workRole: 'secretariat',
} as const;
