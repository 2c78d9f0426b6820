import { dashboardStrings } from '../views/dashboard/strings';
import { deskStrings } from '../views/desk/strings';
import { historyStrings } from '../views/history/strings';
import { signInStrings } from '../views/sign-in/strings';
import { wallStrings } from '../views/wall/strings';

/** Each view keeps its own strings, in both languages, under its own key. */
export const featureStrings = {
  en: { desk: deskStrings.en, dashboard: dashboardStrings.en, signIn: signInStrings.en, history: historyStrings.en, wall: wallStrings.en },
  id: { desk: deskStrings.id, dashboard: dashboardStrings.id, signIn: signInStrings.id, history: historyStrings.id, wall: wallStrings.id },
};
