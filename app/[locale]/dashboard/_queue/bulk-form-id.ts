/** The bulk form's id: the rows' checkboxes (in the table, outside the form) join it with form="…". */
export const BULK_FORM_ID = "queue-bulk";
export const ROW_CHECKBOX_SELECTOR = `input[type="checkbox"][form="${BULK_FORM_ID}"][name="requestIds"]`;
