/** Tests that run the built distribution as a process, as a user or a service manager does. */
package org.openrom.itest.process;
