/** The complete form's file input: posted by the browser itself, or by the form's script with the files it holds. */
export const PACKAGE_FIELD = "complete-files";
