import { productName, version } from '../../../package.json';

export const PRODUCT_NAME: string = productName;
export const PRODUCT_VERSION: string = version;
/** The application id: Windows needs it for notifications, Linux and macOS for the desktop entry. */
export const APP_ID = 'id.myrvm.controlroom';
