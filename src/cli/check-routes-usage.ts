/** Usage line of `check-routes`, apart from the command so that the entry point can load the command lazily. */
export const CHECK_ROUTES_USAGE =
  'usage: check-routes [--json] PATH...   (PATH: plugin folder, plugin.json or plugin .zip)';
