// Placeholder: being written.
#include "context.h"

namespace defcoop::cli {

void AddReport(CLI::App* command, Context* context) {
  command->callback([context] { context->result = Status::Internal("not written yet"); });
}

}  // namespace defcoop::cli
