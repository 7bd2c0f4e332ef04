package org.salescomp.cli;

import org.salescomp.common.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the application version the build stamps in, "dev" without one. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"salescomp " + AppVersion.get()};
  }
}
