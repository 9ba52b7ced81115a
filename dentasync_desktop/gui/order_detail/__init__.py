"""The order detail screen: header with the lifecycle actions, and one tab per part of the order.

``view.OrderDetailView`` is the widget the main window embeds; ``context.OrderContext`` is the
one place that runs services on the shown order; the tabs and dialogs only gather input.
"""
