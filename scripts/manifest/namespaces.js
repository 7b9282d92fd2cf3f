/* XML namespaces of an add-in-only Office manifest. */
module.exports = {
  APP: "http://schemas.microsoft.com/office/appforoffice/1.1",
  BT: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  TASKPANE: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  XSI: "http://www.w3.org/2001/XMLSchema-instance",
  XMLNS: "http://www.w3.org/2000/xmlns/",
};
