// Placeholder while the module is written.
namespace defcoop::report {}
