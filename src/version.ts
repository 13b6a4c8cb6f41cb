/** This tool's name and version, sent to grafana.com as `signPlugin.version` like `@grafana/sign-plugin` does. */
export const TOOL_VERSION = 'sign-plugin-action/0.1.0';
