// `npm run lint`, part one: ESLint with typescript-eslint's recommended rules. Part two is
// dependency-cruiser (.dependency-cruiser.cjs): the domain boundaries and import cycles.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "test-output/**", "public/**", "data/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='process'][property.name='env']", message: "read configuration from app/config.server.ts, parsed once at start" }],
    },
  },
  {
    // Configuration is read in one place; the CLI, tests, benchmarks and scripts set it up.
    files: ["app/config.server.ts", "tests/**", "bench/**", "scripts/**", "server/**", "*.config.*", "vite.config.ts", "app/cli/**"],
    rules: { "no-restricted-syntax": "off" },
  },
);
