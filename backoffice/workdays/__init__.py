"""The office calendar: national holidays, joint leave days and local closures."""
