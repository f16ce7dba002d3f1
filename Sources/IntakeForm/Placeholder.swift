public enum IntakeFormPlaceholder {}
