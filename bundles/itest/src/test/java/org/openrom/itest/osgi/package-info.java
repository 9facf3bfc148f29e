/** Tests that run inside the framework, against the bundle set dist ships (itest.bndrun). */
package org.openrom.itest.osgi;
