import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "demo-output/", "coverage/", "schema/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      // The domain is pure: it takes instants as arguments and never reads the clock.
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Take the instant as an argument." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Take the instant as an argument." },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: "Take the instant as an argument." },
      ],
      "no-restricted-imports": ["error", { patterns: ["probot", "@octokit/*", "kysely", "*/store/*", "*/github/*"] }],
    },
  },
);
