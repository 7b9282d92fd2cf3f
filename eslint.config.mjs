/* ESLint flat config, picked up by `office-addin-lint check` (npm run lint) and by `npx eslint`.
   Layers: Office add-in rules + prettier (eslint-plugin-office-addins "recommended"), TypeScript
   (typescript-eslint "recommended"), React 18 with the automatic JSX runtime and the rules of
   hooks, then per-folder environments: browser code in src/, Node scripts, and jest tests with
   relaxed rules. */
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TS = ["**/*.{ts,tsx,mts,cts}"];
const JSX = ["**/*.{tsx,jsx}"];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-workbench/**",
      "node_modules/**",
      "coverage/**",
      "build-ts/**",
      "test-results/**",
      ".cache/**",
    ],
  },

  // Office add-in rules (Excel.run / load / sync misuse), eslint:recommended and prettier.
  ...officeAddins.configs.recommended,
  // The plugin's config names only .js/.ts files; give .tsx/.jsx the same parser and rules.
  {
    files: JSX,
    plugins: officeAddins.configs.recommended.at(-1).plugins,
    languageOptions: officeAddins.configs.recommended.at(-1).languageOptions,
    rules: officeAddins.configs.recommended.at(-1).rules,
  },

  // TypeScript: the recommended rule set, scoped to TypeScript files.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // typescript-eslint 8.8 + ESLint 9.39: this rule crashes without explicit options.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        {
          allowShortCircuit: false,
          allowTernary: false,
          allowTaggedTemplates: false,
          enforceForJSX: false,
        },
      ],
    },
  },

  // React 18 (react-jsx runtime: no `import React` needed) and the rules of hooks.
  {
    files: JSX,
    ...react.configs.flat.recommended,
    settings: { react: { version: "18.3" } },
  },
  { files: JSX, ...react.configs.flat["jsx-runtime"] },
  {
    files: JSX,
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off", // TypeScript types the props
    },
  },

  // Add-in code runs in the browser (task pane / shared runtime) or a Web Worker-like runtime.
  {
    files: ["src/**/*.{ts,tsx,js,jsx}", "bench/**/*.ts"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
  },
  // The pure finance core must not reach Office or the network.
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "src/core is pure: no network." },
        { name: "Office", message: "src/core is pure: no Office." },
        { name: "Excel", message: "src/core is pure: no Office." },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/data/**", "**/functions/**", "**/taskpane/**", "axios"],
              message: "src/core depends on nothing above it.",
            },
          ],
        },
      ],
    },
  },

  // Node scripts and configs (CommonJS).
  {
    files: ["scripts/**/*.js", "bin/**/*.js", "*.config.js", "test/e2e/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-var-requires": "off",
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },

  // Tests: jest globals and relaxed typing rules (fakes, partial mocks, require of built bundles).
  {
    files: ["test/**/*.{ts,tsx,js}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.jest, ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-empty-function": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  }
);
