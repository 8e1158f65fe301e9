package org.ringfence.neighbourhood;

/** A ward panel member: a name and a role on the panel, nothing else. */
public record PanelMember(String name, String role, boolean synthetic) {
}
